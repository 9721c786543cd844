import HeraldCore
import PostgresNIO

/// Column mapping of ``WebhookDelivery`` to the `webhook_deliveries` table (the outbox).
enum WebhookDeliveryTable {
    static let columns = """
        id, account_id, url, event_type, payload, created_at, status, attempts, next_attempt_at, last_status_code, last_error
        """

    static let insert = "INSERT INTO webhook_deliveries (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

    /// Records an attempt's outcome and releases the lease.
    static let saveOutcome = """
        UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?, last_error = ?,
            lease_owner = NULL, lease_until = NULL
        WHERE id = ?
        """

    static func insertArguments(_ d: WebhookDelivery) -> [any PostgresBindable] {
        [
            d.id.rawValue, d.accountID.rawValue, d.url, d.eventType, d.payload, d.createdAt.millisecondsSince1970, d.status.rawValue,
            d.attempts, d.nextAttemptAt.millisecondsSince1970, d.lastStatusCode, d.lastError,
        ]
    }

    static func outcomeArguments(_ d: WebhookDelivery) -> [any PostgresBindable] {
        [d.status.rawValue, d.attempts, d.nextAttemptAt.millisecondsSince1970, d.lastStatusCode, d.lastError, d.id.rawValue]
    }

    static func insert(_ webhooks: [WebhookDelivery], in tx: PostgresTransaction) async throws {
        for webhook in webhooks { try await tx.execute(insert, insertArguments(webhook)) }
    }

    static func decode(_ row: PostgresRow) throws -> WebhookDelivery {
        var r = PostgresRowReader(row)
        var delivery = WebhookDelivery(
            id: WebhookDeliveryID(unchecked: try r.next(String.self)), accountID: AccountID(unchecked: try r.next(String.self)), url: try r.next(),
            eventType: try r.next(), payload: try r.next(), createdAt: try r.timestamp())
        delivery.status = try r.enumeration(WebhookDelivery.Status.self, "webhook status")
        delivery.attempts = try r.int()
        delivery.nextAttemptAt = try r.timestamp()
        delivery.lastStatusCode = try r.optionalInt()
        delivery.lastError = try r.next()
        return delivery
    }
}
