import GRDB
import HeraldCore

extension SQLiteHeraldStore: CustomerSMPPDeliveryStore {
    static let claimCustomerSMPPDeliveries = """
        UPDATE smpp_deliveries SET lease_owner = ?1, lease_until = ?2
        WHERE id IN (
            SELECT id FROM smpp_deliveries
            WHERE status = 'pending' AND account_id IN (SELECT value FROM json_each(?3)) AND next_attempt_at <= ?4
                AND (lease_until IS NULL OR lease_until <= ?4)
            ORDER BY next_attempt_at, id LIMIT ?5)
        RETURNING \(CustomerSMPPDeliveryTable.columns)
        """

    public func enqueueCustomerSMPPDeliveries(_ deliveries: [CustomerSMPPDelivery], audit: [AuditEvent]) async throws {
        guard !deliveries.isEmpty || !audit.isEmpty else { return }
        try await write("queueing \(deliveries.count) SMPP deliveries") { db in
            try CustomerSMPPDeliveryTable.insert(deliveries, in: db)
            try self.auditAppender.append(audit, in: db)
        }
    }

    /// Entries oldest first (by `nextAttemptAt`, then id).
    public func claimCustomerSMPPDeliveries(accountIDs: [AccountID], now: Timestamp, limit: Int, owner: String, leaseUntil: Timestamp) async throws -> [CustomerSMPPDelivery] {
        guard limit > 0, !accountIDs.isEmpty else { return [] }
        let accounts = try JSONText.encode(accountIDs.map(\.rawValue).sorted())
        return try await write("claiming SMPP deliveries") { db in
            var claimed = try Row.fetchAll(
                db.cachedStatement(sql: Self.claimCustomerSMPPDeliveries),
                arguments: [owner, leaseUntil.millisecondsSince1970, accounts, now.millisecondsSince1970, limit]
            ).map(CustomerSMPPDeliveryTable.decode)
            claimed.sort { ($0.nextAttemptAt, $0.id) < ($1.nextAttemptAt, $1.id) }
            return claimed
        }
    }

    public func saveCustomerSMPPDeliveries(_ deliveries: [CustomerSMPPDelivery]) async throws {
        guard !deliveries.isEmpty else { return }
        try await write("saving \(deliveries.count) SMPP delivery outcome(s)") { db in
            let save = try db.cachedStatement(sql: CustomerSMPPDeliveryTable.saveOutcome)
            for delivery in deliveries { try save.execute(arguments: CustomerSMPPDeliveryTable.outcomeArguments(delivery)) }
        }
    }

    public func abandonCustomerSMPPDeliveries(createdBefore time: Timestamp, reason: String) async throws -> Int {
        try await write("giving up old SMPP deliveries") { db in
            try db.cachedStatement(sql: """
                UPDATE smpp_deliveries SET status = 'failed', last_error = ?, lease_owner = NULL, lease_until = NULL
                WHERE status = 'pending' AND created_at < ?
                """).execute(arguments: [reason, time.millisecondsSince1970])
            return db.changesCount
        }
    }

    public func purgeCustomerSMPPDeliveries(createdBefore time: Timestamp) async throws -> Int {
        try await write("deleting finished SMPP deliveries") { db in
            try db.cachedStatement(sql: "DELETE FROM smpp_deliveries WHERE status IN ('delivered', 'failed') AND created_at < ?")
                .execute(arguments: [time.millisecondsSince1970])
            return db.changesCount
        }
    }

    public func customerSMPPDeliveries(accountID: AccountID, limit: Int) async throws -> [CustomerSMPPDelivery] {
        guard limit > 0 else { return [] }
        return try await read("listing SMPP deliveries") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT \(CustomerSMPPDeliveryTable.columns) FROM smpp_deliveries WHERE account_id = ? ORDER BY id DESC LIMIT ?"),
                arguments: [accountID.rawValue, limit]
            ).map(CustomerSMPPDeliveryTable.decode)
        }
    }
}
