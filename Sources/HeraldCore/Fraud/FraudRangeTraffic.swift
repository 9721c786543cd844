/// The traffic of one range scope (one account's, or every account's, sends to a number range).
public struct FraudRangeTraffic: Sendable, Equatable {
    /// Over ``FraudGuardConfiguration/window``, with distinct numbers.
    public var window: FraudTrafficTotals
    /// Over ``FraudGuardConfiguration/baselineWindow`` (the short window included).
    public var history: FraudTrafficTotals

    public init(window: FraudTrafficTotals = FraudTrafficTotals(), history: FraudTrafficTotals = FraudTrafficTotals()) {
        self.window = window
        self.history = history
    }
}
