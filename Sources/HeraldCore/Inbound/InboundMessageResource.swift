/// The public JSON shape of an inbound message, shared by `GET /v1/inbound` and the `message.inbound`
/// webhook (snake_case keys).
public struct InboundMessageResource: Sendable, Equatable, Codable {
    public var id: String
    public var object: String = "inbound_message"
    public var from: String
    public var to: String
    /// `null` once erased by retention.
    public var body: String?
    public var bodyStatus: BodyPolicy
    /// `opt_out`, `opt_in`, or `null` when the message is not a keyword.
    public var keyword: String?
    public var receivedAt: Timestamp

    enum CodingKeys: String, CodingKey {
        case id, object, from, to, body
        case bodyStatus = "body_status"
        case keyword
        case receivedAt = "received_at"
    }

    public init(_ message: InboundMessage) {
        id = message.id.rawValue
        from = message.from
        to = message.to
        body = message.bodyPolicy == .retained ? message.body : nil
        bodyStatus = message.bodyPolicy
        keyword = message.keyword?.action
        receivedAt = message.receivedAt
    }
}
