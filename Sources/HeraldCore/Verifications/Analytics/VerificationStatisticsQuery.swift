/// A question to ``VerificationStore/verificationStatistics(_:)``.
public struct VerificationStatisticsQuery: Sendable, Equatable {
    public var accountID: AccountID
    /// Inclusive start of the period (by verification creation time).
    public var from: Timestamp
    /// Exclusive end of the period.
    public var to: Timestamp
    public var groupBy: VerificationStatisticsGrouping

    public init(accountID: AccountID, from: Timestamp, to: Timestamp, groupBy: VerificationStatisticsGrouping) {
        self.accountID = accountID
        self.from = from
        self.to = to
        self.groupBy = groupBy
    }
}
