/// The result of matching a ``DigitPattern`` at the start of a digit string.
struct DigitPatternMatch: Sendable, Equatable {
    /// Number of digits consumed by the match.
    let end: Int
    /// Capture slots: group `n` (1-based) spans `slots[2n-2] ..< slots[2n-1]`, -1 when unset.
    let slots: [Int32]

    /// The number of capture groups in the pattern.
    var groupCount: Int { slots.count / 2 }

    /// The range captured by group `number` (1-based), or nil when the group did not participate.
    func group(_ number: Int) -> Range<Int>? {
        guard number >= 1, number <= groupCount else { return nil }
        let lower = Int(slots[2 * number - 2])
        let upper = Int(slots[2 * number - 1])
        guard lower >= 0, upper >= lower else { return nil }
        return lower..<upper
    }
}
