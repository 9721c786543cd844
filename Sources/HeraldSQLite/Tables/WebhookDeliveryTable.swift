import GRDB
import HeraldCore

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

    static func insertArguments(_ d: WebhookDelivery) -> StatementArguments {
        [
            d.id.rawValue, d.accountID.rawValue, d.url, d.eventType, d.payload, d.createdAt.millisecondsSince1970, d.status.rawValue,
            d.attempts, d.nextAttemptAt.millisecondsSince1970, d.lastStatusCode, d.lastError,
        ]
    }

    static func outcomeArguments(_ d: WebhookDelivery) -> StatementArguments {
        [d.status.rawValue, d.attempts, d.nextAttemptAt.millisecondsSince1970, d.lastStatusCode, d.lastError, d.id.rawValue]
    }

    static func decode(_ row: Row) throws -> WebhookDelivery {
        var r = RowReader(row)
        var delivery = WebhookDelivery(
            id: WebhookDeliveryID(unchecked: try r.next()), accountID: AccountID(unchecked: try r.next()), url: try r.next(),
            eventType: try r.next(), payload: try r.next(), createdAt: try r.timestamp())
        delivery.status = try r.enumeration(WebhookDelivery.Status.self, "webhook status")
        delivery.attempts = try r.next()
        delivery.nextAttemptAt = try r.timestamp()
        delivery.lastStatusCode = try r.next()
        delivery.lastError = try r.next()
        return delivery
    }
}
