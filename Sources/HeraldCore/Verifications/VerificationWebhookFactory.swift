/// Builds the outbox entries that report a verification's status changes (`verification.pending`,
/// `verification.approved`, `verification.canceled`, `verification.expired`,
/// `verification.max_attempts_reached`) to its callback URL. No URL, no webhook.
///
/// The payload is a ``VerificationResource``: it never carries the code or its hash.
public struct VerificationWebhookFactory: Sendable {
    public let random: any RandomSource

    public init(random: any RandomSource) {
        self.random = random
    }

    public func webhooks(for verification: Verification, at time: Timestamp) -> [WebhookDelivery] {
        guard let url = verification.callbackURL else { return [] }
        let type = "verification.\(verification.status.rawValue)"
        let event = WebhookEvent(
            id: WebhookEventID.generate(at: time, random: random).rawValue, type: type, createdAt: time, data: VerificationResource(verification))
        return [WebhookDelivery(
            id: WebhookDeliveryID.generate(at: time, random: random), accountID: verification.accountID, url: url, eventType: type,
            payload: event.jsonText(), createdAt: time)]
    }
}
