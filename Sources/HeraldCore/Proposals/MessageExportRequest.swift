/// The messages of one account created in `[from, to)`.
public struct MessageExportRequest: Sendable, Equatable, Codable {
    public var accountID: AccountID
    public var from: Timestamp
    public var to: Timestamp

    enum CodingKeys: String, CodingKey {
        case accountID = "account_id"
        case from, to
    }

    /// The longest period one export may cover: 366 days.
    public static let maximumPeriod = Duration.seconds(366 * 86_400)

    public init(accountID: AccountID, from: Timestamp, to: Timestamp) {
        self.accountID = accountID
        self.from = from
        self.to = to
    }
}
