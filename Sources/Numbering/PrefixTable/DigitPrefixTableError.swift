/// Why a ``DigitPrefixTable`` could not be built.
public enum DigitPrefixTableError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The entry at `index` (0-based, in input order) has a prefix with a character that is not
    /// an ASCII digit, or is longer than ``DigitPrefixTable/maximumPrefixLength``.
    case invalidPrefix(String, index: Int)
    /// Two entries have the same prefix (and no way to merge them was given).
    case duplicatePrefix(String)

    /// A stable identifier of the error kind.
    public var code: String {
        switch self {
        case .invalidPrefix: "invalid_prefix"
        case .duplicatePrefix: "duplicate_prefix"
        }
    }

    /// A sentence for humans.
    public var message: String {
        switch self {
        case .invalidPrefix(let prefix, let index):
            "Entry \(index): the prefix \"\(prefix)\" must consist of at most \(DigitPrefixTable<Int>.maximumPrefixLength) ASCII digits."
        case .duplicatePrefix(let prefix):
            "The prefix \"\(prefix)\" occurs more than once."
        }
    }

    public var description: String { "\(code): \(message)" }
}
