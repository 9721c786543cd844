/// A handset that asked an account not to message it (by sending an opt-out keyword to one of the
/// account's numbers). While it stands, every send of the account to that number is refused with
/// `recipient_opted_out`, on every channel.
public struct OptOut: Sendable, Equatable, Codable {
    public var accountID: AccountID
    /// The handset's number (E.164).
    public var number: String
    /// The keyword that opted it out (`STOP`, `UNSUBSCRIBE`, …).
    public var keyword: String
    public var optedOutAt: Timestamp
    /// The inbound message that carried the keyword.
    public var inboundID: InboundMessageID?

    public init(accountID: AccountID, number: String, keyword: String, optedOutAt: Timestamp, inboundID: InboundMessageID?) {
        self.accountID = accountID
        self.number = number
        self.keyword = keyword
        self.optedOutAt = optedOutAt
        self.inboundID = inboundID
    }
}
