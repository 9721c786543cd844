/// Storage port for the webhook outbox.
public protocol WebhookStore: Sendable {
    /// Leases up to `limit` pending deliveries that are due to `owner` until `leaseUntil`.
    func claimDueWebhooks(now: Timestamp, limit: Int, owner: String, leaseUntil: Timestamp) async throws -> [WebhookDelivery]
    /// Saves attempt outcomes and clears the leases.
    func saveWebhookDeliveries(_ deliveries: [WebhookDelivery]) async throws
    /// Recent deliveries of an account, newest first (for the API and tests).
    func webhookDeliveries(accountID: AccountID, limit: Int) async throws -> [WebhookDelivery]
}
