/// Builds the outbox entries that report a message's status changes to its callback URL.
///
/// The URL is fixed when the message is accepted (the request's `callback_url`, else the account's default
/// webhook URL), so building a webhook needs nothing but the message and can happen inside a store
/// transaction. No URL, no webhook.
public struct MessageWebhookFactory: Sendable {
    public let random: any RandomSource

    public init(random: any RandomSource) {
        self.random = random
    }

    /// Statuses that are reported.
    public static let reportedStatuses: Set<MessageStatus> = [.submitted, .delivered, .undelivered, .expired, .rejected, .failed]

    public func webhooks(for message: Message, at time: Timestamp) -> [WebhookDelivery] {
        guard Self.reportedStatuses.contains(message.status), let url = message.callbackURL else { return [] }
        let type = "message.\(message.status.rawValue)"
        let event = WebhookEvent(id: WebhookEventID.generate(at: time, random: random).rawValue, type: type, createdAt: time, data: MessageResource(message))
        return [WebhookDelivery(id: WebhookDeliveryID.generate(at: time, random: random), accountID: message.accountID, url: url, eventType: type, payload: event.jsonText(), createdAt: time)]
    }
}
