import HeraldCore

/// The arguments of one ``SQLiteHeraldStore/insertMessages(_:idempotency:webhooks:audit:)`` call.
struct InsertRequest: Sendable {
    var messages: [Message]
    var idempotency: IdempotencyRecord?
    var webhooks: [WebhookDelivery]
    var audit: [AuditEvent]
}
