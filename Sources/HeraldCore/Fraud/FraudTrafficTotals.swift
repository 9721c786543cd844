/// Sends and approvals counted over a window, and (for the short window of a range) how many different
/// numbers the sends went to.
public struct FraudTrafficTotals: Sendable, Equatable {
    public var sends: Int
    public var approvals: Int
    public var distinctNumbers: Int

    public init(sends: Int = 0, approvals: Int = 0, distinctNumbers: Int = 0) {
        self.sends = sends
        self.approvals = approvals
        self.distinctNumbers = distinctNumbers
    }

    /// What `lhs` counted beyond `rhs` (distinct numbers are not subtractable and become 0).
    static func - (lhs: FraudTrafficTotals, rhs: FraudTrafficTotals) -> FraudTrafficTotals {
        FraudTrafficTotals(sends: max(0, lhs.sends - rhs.sends), approvals: max(0, lhs.approvals - rhs.approvals), distinctNumbers: 0)
    }
}
