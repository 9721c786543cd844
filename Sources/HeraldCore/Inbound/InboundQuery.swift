/// Filters for listing an account's inbound messages; cursor pagination by id (ids sort by arrival time).
public struct InboundQuery: Sendable, Equatable {
    public var accountID: AccountID
    /// The handset (E.164).
    public var from: String?
    /// The account's number (its ``AssignedNumber/key`` form: digits only).
    public var toKey: String?
    public var receivedFrom: Timestamp?
    public var receivedBefore: Timestamp?
    /// Only messages with an id lower than this (the previous page's last id).
    public var startingAfter: InboundMessageID?
    public var limit: Int

    public init(
        accountID: AccountID, from: String? = nil, toKey: String? = nil, receivedFrom: Timestamp? = nil, receivedBefore: Timestamp? = nil,
        startingAfter: InboundMessageID? = nil, limit: Int = 50
    ) {
        self.accountID = accountID
        self.from = from
        self.toKey = toKey
        self.receivedFrom = receivedFrom
        self.receivedBefore = receivedBefore
        self.startingAfter = startingAfter
        self.limit = limit
    }
}
