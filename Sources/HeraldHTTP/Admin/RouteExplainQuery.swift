import HeraldCore

/// The parameters of a route dry run.
public struct RouteExplainQuery: Sendable, Equatable {
    public var number: String
    public var region: String?
    public var accountID: AccountID?
    public var messageID: MessageID?

    public init(number: String, region: String? = nil, accountID: AccountID? = nil, messageID: MessageID? = nil) {
        self.number = number
        self.region = region
        self.accountID = accountID
        self.messageID = messageID
    }
}
