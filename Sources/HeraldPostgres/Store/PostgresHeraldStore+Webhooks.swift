import Foundation
import HeraldCore

extension PostgresHeraldStore {
    /// Leases like ``claimDueMessages(now:limit:owner:leaseUntil:)``: `FOR UPDATE SKIP LOCKED`, one claimant per row.
    static let claimWebhooks = """
        WITH due AS (
            SELECT id FROM webhook_deliveries
            WHERE status = 'pending' AND next_attempt_at <= $3 AND (lease_until IS NULL OR lease_until <= $3)
            ORDER BY next_attempt_at, id
            LIMIT $4
            FOR UPDATE SKIP LOCKED)
        UPDATE webhook_deliveries SET lease_owner = $1, lease_until = $2
        FROM due WHERE webhook_deliveries.id = due.id
        RETURNING \(WebhookDeliveryTable.columns.split(separator: ",").map { "webhook_deliveries." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", "))
        """

    /// Due deliveries oldest first (by `nextAttemptAt`, then id).
    public func claimDueWebhooks(now: Timestamp, limit: Int, owner: String, leaseUntil: Timestamp) async throws -> [WebhookDelivery] {
        guard limit > 0 else { return [] }
        return try await write("claiming due webhooks") { tx in
            var claimed = try await tx.rows(Self.claimWebhooks, [owner, leaseUntil.millisecondsSince1970, now.millisecondsSince1970, limit])
                .map(WebhookDeliveryTable.decode)
            claimed.sort { ($0.nextAttemptAt, $0.id) < ($1.nextAttemptAt, $1.id) }
            return claimed
        }
    }

    public func saveWebhookDeliveries(_ deliveries: [WebhookDelivery]) async throws {
        guard !deliveries.isEmpty else { return }
        try await write("saving \(deliveries.count) webhook outcome(s)") { tx in
            for delivery in deliveries.sorted(by: { $0.id.rawValue < $1.id.rawValue }) {
                try await tx.execute(WebhookDeliveryTable.saveOutcome, WebhookDeliveryTable.outcomeArguments(delivery))
            }
        }
    }

    public func webhookDeliveries(accountID: AccountID, limit: Int) async throws -> [WebhookDelivery] {
        guard limit > 0 else { return [] }
        return try await read("listing webhook deliveries") { tx in
            try await tx.rows(
                "SELECT \(WebhookDeliveryTable.columns) FROM webhook_deliveries WHERE account_id = ? ORDER BY id DESC LIMIT ?", [accountID.rawValue, limit]
            ).map(WebhookDeliveryTable.decode)
        }
    }
}
