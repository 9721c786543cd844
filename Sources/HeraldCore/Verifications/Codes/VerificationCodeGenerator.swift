/// Draws one-time codes: `length` decimal digits, uniformly distributed (rejection sampling, no modulo
/// bias), from a CSPRNG.
///
/// ```swift
/// let code = VerificationCodeGenerator(random: SystemRandomSource()).code(length: 6)  // "042917"
/// ```
public struct VerificationCodeGenerator: Sendable {
    public let random: any RandomSource

    public init(random: any RandomSource) {
        self.random = random
    }

    /// A code of `length` digits (1…18), leading zeros kept.
    public func code(length: Int) -> String {
        let digits = min(max(1, length), 18)
        var bound: UInt64 = 1
        for _ in 0..<digits { bound *= 10 }
        let value = random.uniform(below: bound)
        let text = String(value)
        return String(repeating: "0", count: digits - text.count) + text
    }
}
