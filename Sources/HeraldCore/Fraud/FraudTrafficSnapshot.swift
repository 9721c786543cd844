/// The counts the fraud guard evaluates after a send: each range scope's traffic and the account's history.
public struct FraudTrafficSnapshot: Sendable, Equatable {
    /// By range scope key.
    public var ranges: [String: FraudRangeTraffic]
    /// The account's sends and approvals over ``FraudGuardConfiguration/baselineWindow``.
    public var account: FraudTrafficTotals

    public init(ranges: [String: FraudRangeTraffic], account: FraudTrafficTotals) {
        self.ranges = ranges
        self.account = account
    }
}
