/// One `key:value` field found in a delivery receipt text, as written.
public struct ReceiptField: Sendable, Hashable, Codable {
    /// The key as written (for example `submit date`, `Stat`, `mcc`).
    public let key: String
    /// The key folded for matching: lowercase without spaces, `_` or `-` (`submitdate`, `stat`, `mcc`).
    public let normalizedKey: String
    /// The value with surrounding whitespace removed.
    public let value: String
    /// Whether the key is one of the appendix B fields (or a known alias).
    public let isStandard: Bool

    public init(key: String, normalizedKey: String, value: String, isStandard: Bool) {
        self.key = key
        self.normalizedKey = normalizedKey
        self.value = value
        self.isStandard = isStandard
    }
}
