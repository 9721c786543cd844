/// What the fraud guard saw when it decided to block: the numbers behind the decision, kept with the block
/// and written to the audit log.
public struct FraudEvidence: Sendable, Equatable, Codable {
    /// Sends to the range within the short window.
    public var sends: Int
    /// Of those, verifications approved.
    public var approvals: Int
    /// Distinct numbers of the range sent to within the window.
    public var distinctNumbers: Int
    /// `approvals / sends` in the window.
    public var conversion: Double
    /// The conversion the range was compared with.
    public var baseline: Double
    /// Where the baseline came from: `prefix`, `account` or `default`.
    public var baselineSource: String

    public init(sends: Int, approvals: Int, distinctNumbers: Int, conversion: Double, baseline: Double, baselineSource: String) {
        self.sends = sends
        self.approvals = approvals
        self.distinctNumbers = distinctNumbers
        self.conversion = conversion
        self.baseline = baseline
        self.baselineSource = baselineSource
    }

    enum CodingKeys: String, CodingKey {
        case sends, approvals
        case distinctNumbers = "distinct_numbers"
        case conversion, baseline
        case baselineSource = "baseline_source"
    }
}
