/// The digits of an input string after the lexical checks of ``InputScanner``.
struct ScannedInput: Sendable, Equatable {
    /// Whether the number started with one or more plus signs.
    var hasPlus: Bool
    /// The digits (values 0...9) in order, any script's decimal digits normalised.
    var digits: [UInt8]
}
