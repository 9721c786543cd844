import Foundation
import HeraldCore

extension PostgresHeraldStore: CustomerSMPPDeliveryStore {
    /// Leases with `FOR UPDATE SKIP LOCKED`, like messages: one claimant per entry across nodes.
    static let claimCustomerSMPPDeliveries = """
        WITH due AS (
            SELECT id FROM smpp_deliveries
            WHERE status = 'pending' AND account_id = ANY($3) AND next_attempt_at <= $4 AND (lease_until IS NULL OR lease_until <= $4)
            ORDER BY next_attempt_at, id
            LIMIT $5
            FOR UPDATE SKIP LOCKED)
        UPDATE smpp_deliveries SET lease_owner = $1, lease_until = $2
        FROM due WHERE smpp_deliveries.id = due.id
        RETURNING \(CustomerSMPPDeliveryTable.columns.split(separator: ",").map { "smpp_deliveries." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))
        """

    public func enqueueCustomerSMPPDeliveries(_ deliveries: [CustomerSMPPDelivery], audit: [AuditEvent]) async throws {
        guard !deliveries.isEmpty || !audit.isEmpty else { return }
        try await write("queueing \(deliveries.count) SMPP deliveries") { tx in
            try await CustomerSMPPDeliveryTable.insert(deliveries, in: tx)
            try await self.auditAppender.append(audit, in: tx)
        }
    }

    /// Entries oldest first (by `nextAttemptAt`, then id).
    public func claimCustomerSMPPDeliveries(accountIDs: [AccountID], now: Timestamp, limit: Int, owner: String, leaseUntil: Timestamp) async throws -> [CustomerSMPPDelivery] {
        guard limit > 0, !accountIDs.isEmpty else { return [] }
        let accounts = accountIDs.map(\.rawValue).sorted()
        return try await write("claiming SMPP deliveries") { tx in
            var claimed = try await tx.rows(
                Self.claimCustomerSMPPDeliveries, [owner, leaseUntil.millisecondsSince1970, accounts, now.millisecondsSince1970, limit]
            ).map(CustomerSMPPDeliveryTable.decode)
            claimed.sort { ($0.nextAttemptAt, $0.id) < ($1.nextAttemptAt, $1.id) }
            return claimed
        }
    }

    public func saveCustomerSMPPDeliveries(_ deliveries: [CustomerSMPPDelivery]) async throws {
        guard !deliveries.isEmpty else { return }
        try await write("saving \(deliveries.count) SMPP delivery outcome(s)") { tx in
            for delivery in deliveries.sorted(by: { $0.id.rawValue < $1.id.rawValue }) {
                try await tx.execute(CustomerSMPPDeliveryTable.saveOutcome, CustomerSMPPDeliveryTable.outcomeArguments(delivery))
            }
        }
    }

    public func abandonCustomerSMPPDeliveries(createdBefore time: Timestamp, reason: String) async throws -> Int {
        try await write("giving up old SMPP deliveries") { tx in
            try await tx.changes("""
                UPDATE smpp_deliveries SET status = 'failed', last_error = ?, lease_owner = NULL, lease_until = NULL
                WHERE status = 'pending' AND created_at < ?
                """, [reason, time.millisecondsSince1970])
        }
    }

    public func purgeCustomerSMPPDeliveries(createdBefore time: Timestamp) async throws -> Int {
        try await write("deleting finished SMPP deliveries") { tx in
            try await tx.changes("DELETE FROM smpp_deliveries WHERE status IN ('delivered', 'failed') AND created_at < ?", [time.millisecondsSince1970])
        }
    }

    public func customerSMPPDeliveries(accountID: AccountID, limit: Int) async throws -> [CustomerSMPPDelivery] {
        guard limit > 0 else { return [] }
        return try await read("listing SMPP deliveries") { tx in
            try await tx.rows(
                "SELECT \(CustomerSMPPDeliveryTable.columns) FROM smpp_deliveries WHERE account_id = ? ORDER BY id DESC LIMIT ?", [accountID.rawValue, limit]
            ).map(CustomerSMPPDeliveryTable.decode)
        }
    }
}
