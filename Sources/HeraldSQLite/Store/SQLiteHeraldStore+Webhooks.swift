import GRDB
import HeraldCore

extension SQLiteHeraldStore {
    static let claimWebhooks = """
        UPDATE webhook_deliveries SET lease_owner = ?1, lease_until = ?2
        WHERE id IN (
            SELECT id FROM webhook_deliveries
            WHERE status = 'pending' AND next_attempt_at <= ?3 AND (lease_until IS NULL OR lease_until <= ?3)
            ORDER BY next_attempt_at LIMIT ?4)
        RETURNING \(WebhookDeliveryTable.columns)
        """

    /// Due deliveries oldest first (by `nextAttemptAt`, then id).
    public func claimDueWebhooks(now: Timestamp, limit: Int, owner: String, leaseUntil: Timestamp) async throws -> [WebhookDelivery] {
        guard limit > 0 else { return [] }
        return try await write("claiming due webhooks") { db in
            var claimed = try Row.fetchAll(
                db.cachedStatement(sql: Self.claimWebhooks),
                arguments: [owner, leaseUntil.millisecondsSince1970, now.millisecondsSince1970, limit]
            ).map(WebhookDeliveryTable.decode)
            claimed.sort { ($0.nextAttemptAt, $0.id) < ($1.nextAttemptAt, $1.id) }
            return claimed
        }
    }

    public func saveWebhookDeliveries(_ deliveries: [WebhookDelivery]) async throws {
        guard !deliveries.isEmpty else { return }
        try await write("saving \(deliveries.count) webhook outcome(s)") { db in
            let save = try db.cachedStatement(sql: WebhookDeliveryTable.saveOutcome)
            for delivery in deliveries { try save.execute(arguments: WebhookDeliveryTable.outcomeArguments(delivery)) }
        }
    }

    public func webhookDeliveries(accountID: AccountID, limit: Int) async throws -> [WebhookDelivery] {
        guard limit > 0 else { return [] }
        return try await read("listing webhook deliveries") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT \(WebhookDeliveryTable.columns) FROM webhook_deliveries WHERE account_id = ? ORDER BY id DESC LIMIT ?"),
                arguments: [accountID.rawValue, limit]
            ).map(WebhookDeliveryTable.decode)
        }
    }
}
