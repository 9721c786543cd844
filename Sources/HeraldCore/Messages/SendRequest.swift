/// A customer's request to send one message, as received (before validation).
public struct SendRequest: Sendable, Equatable, Codable {
    public var to: String
    public var from: String?
    public var body: String
    /// Seconds the message stays deliverable.
    public var validitySeconds: Int?
    /// Not before this time (scheduled send).
    public var sendAt: Timestamp?
    public var callbackURL: String?
    public var clientReference: String?

    enum CodingKeys: String, CodingKey {
        case to, from, body
        case validitySeconds = "validity_seconds"
        case sendAt = "send_at"
        case callbackURL = "callback_url"
        case clientReference = "client_reference"
    }

    public init(to: String, from: String? = nil, body: String, validitySeconds: Int? = nil, sendAt: Timestamp? = nil, callbackURL: String? = nil, clientReference: String? = nil) {
        self.to = to
        self.from = from
        self.body = body
        self.validitySeconds = validitySeconds
        self.sendAt = sendAt
        self.callbackURL = callbackURL
        self.clientReference = clientReference
    }
}
