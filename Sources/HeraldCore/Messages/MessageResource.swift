/// The public JSON shape of a message, shared by the HTTP API and the webhooks (snake_case keys).
public struct MessageResource: Sendable, Equatable, Codable {
    public var id: String
    public var object: String = "message"
    public var status: MessageStatus
    public var to: String
    public var from: String
    /// `null` when erased by retention or never stored (verification codes).
    public var body: String?
    public var bodyStatus: BodyPolicy
    public var clientReference: String?
    public var callbackURL: String?
    public var encoding: String
    public var parts: Int
    public var country: String
    public var validUntil: Timestamp
    public var sendAt: Timestamp
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var error: MessageError?
    public var history: [StatusChange]

    enum CodingKeys: String, CodingKey {
        case id, object, status, to, from, body
        case bodyStatus = "body_status"
        case clientReference = "client_reference"
        case callbackURL = "callback_url"
        case encoding, parts, country
        case validUntil = "valid_until"
        case sendAt = "send_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case error, history
    }

    public init(_ message: Message) {
        id = message.id.rawValue
        status = message.status
        to = message.to
        from = message.from
        body = message.bodyPolicy == .retained ? message.body : nil
        bodyStatus = message.bodyPolicy
        clientReference = message.clientReference
        callbackURL = message.callbackURL
        encoding = message.encoding
        parts = message.partCount
        country = message.destination.regionCode
        validUntil = message.validUntil
        sendAt = message.sendAt
        createdAt = message.createdAt
        updatedAt = message.updatedAt
        error = message.error
        history = message.history
    }
}
