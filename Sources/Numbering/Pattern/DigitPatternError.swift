/// A metadata pattern uses syntax outside the digit-pattern subset.
struct DigitPatternError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pattern text.
    let pattern: String
    /// Offset (in characters) where the problem was found.
    let offset: Int
    /// What is wrong.
    let reason: String

    var description: String { "invalid digit pattern \"\(pattern)\" at \(offset): \(reason)" }
}
