/// The unit in which message lengths and per-part limits are counted.
public enum TextUnit: String, Sendable, Hashable, Codable {
    /// A GSM 7-bit septet; characters from the extension table cost two (escape + code).
    case septet
    /// A UTF-16 code unit; characters outside the Basic Multilingual Plane (most emoji) cost two.
    case utf16CodeUnit
    /// One octet per character (IA5 / Latin-1).
    case octet
}
