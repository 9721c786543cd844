/// The kind tag for webhook delivery identifiers (`whd_…`).
public enum WebhookDeliveryKind: IdentifierKind { public static let prefix = "whd" }
public typealias WebhookDeliveryID = Identifier<WebhookDeliveryKind>

/// One webhook to POST, kept in a durable outbox until delivered or given up.
///
/// Written in the same transaction as the state change it reports, so a change is never without its
/// callback and a restart loses none.
public struct WebhookDelivery: Sendable, Equatable, Codable {
    public var id: WebhookDeliveryID
    public var accountID: AccountID
    public var url: String
    /// `message.delivered`, `verification.approved`, …
    public var eventType: String
    /// The exact JSON body to POST (signed as is).
    public var payload: String
    public var createdAt: Timestamp
    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Timestamp
    public var lastStatusCode: Int?
    public var lastError: String?

    public enum Status: String, Sendable, Codable, Equatable {
        case pending
        case delivered
        /// Gave up after the retry schedule ran out.
        case failed
    }

    public init(id: WebhookDeliveryID, accountID: AccountID, url: String, eventType: String, payload: String, createdAt: Timestamp) {
        self.id = id
        self.accountID = accountID
        self.url = url
        self.eventType = eventType
        self.payload = payload
        self.createdAt = createdAt
        self.status = .pending
        self.attempts = 0
        self.nextAttemptAt = createdAt
        self.lastStatusCode = nil
        self.lastError = nil
    }
}
