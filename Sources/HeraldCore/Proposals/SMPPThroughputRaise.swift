/// An account's throughput on the customer SMPP listener going up from ``from`` (the window and TPS in
/// force when proposed) to ``to``. Approving it applies to new binds (existing ones keep the limits they
/// bound with, apart from the account-wide window and TPS, which follow within seconds).
public struct SMPPThroughputRaise: Sendable, Equatable, Codable {
    public var accountID: AccountID
    public var from: SMPPThroughput
    public var to: SMPPThroughput

    enum CodingKeys: String, CodingKey {
        case accountID = "account_id"
        case from, to
    }

    public init(accountID: AccountID, from: SMPPThroughput, to: SMPPThroughput) {
        self.accountID = accountID
        self.from = from
        self.to = to
    }
}
