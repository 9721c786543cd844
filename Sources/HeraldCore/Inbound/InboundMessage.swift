/// The kind tag for inbound message identifiers (`inb_…`).
public enum InboundMessageKind: IdentifierKind { public static let prefix = "inb" }
public typealias InboundMessageID = Identifier<InboundMessageKind>

/// A mobile-originated message (a reply, an opt-out keyword) that reached one of an account's numbers.
///
/// The body is kept like an outbound body: until the retention period ends, then erased
/// (``BodyPolicy/erased``).
public struct InboundMessage: Sendable, Equatable {
    public var id: InboundMessageID
    public var accountID: AccountID
    /// The handset: E.164 when the carrier sent digits, else as received.
    public var from: String
    /// The account's number or short code it was sent to (as assigned).
    public var to: String
    /// The text, `nil` once erased by retention.
    public var body: String?
    public var bodyPolicy: BodyPolicy
    /// The opt-out keyword the message consists of, if any.
    public var keyword: OptOutKeyword?
    /// The carrier link it arrived on.
    public var linkID: String
    public var receivedAt: Timestamp

    public init(
        id: InboundMessageID, accountID: AccountID, from: String, to: String, body: String?, bodyPolicy: BodyPolicy = .retained,
        keyword: OptOutKeyword?, linkID: String, receivedAt: Timestamp
    ) {
        self.id = id
        self.accountID = accountID
        self.from = from
        self.to = to
        self.body = body
        self.bodyPolicy = bodyPolicy
        self.keyword = keyword
        self.linkID = linkID
        self.receivedAt = receivedAt
    }
}
