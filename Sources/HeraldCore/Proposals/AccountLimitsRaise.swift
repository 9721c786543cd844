/// An account's limits going up from ``from`` (the limits in force when proposed) to ``to``.
public struct AccountLimitsRaise: Sendable, Equatable, Codable {
    public var accountID: AccountID
    public var from: AccountLimits
    public var to: AccountLimits

    enum CodingKeys: String, CodingKey {
        case accountID = "account_id"
        case from, to
    }

    public init(accountID: AccountID, from: AccountLimits, to: AccountLimits) {
        self.accountID = accountID
        self.from = from
        self.to = to
    }
}
