/// A national language with shift tables in 3GPP TS 23.038 annex A that this library supports.
///
/// A single shift table replaces the extension table reached with escape (0x1B); a locking shift table replaces
/// the whole default alphabet. Both are announced per part in the user data header (IE 0x24 / 0x25), which costs
/// three octets each and so lowers the per-part limit.
public enum GSMNationalLanguage: UInt8, Sendable, Hashable, CaseIterable, Codable {
    /// Turkish: single shift (A.2.1) and locking shift (A.3.1).
    case turkish = 1
    /// Spanish: single shift (A.2.2) only; its locking shift is the default alphabet.
    case spanish = 2
    /// Portuguese: single shift (A.2.3) and locking shift (A.3.3).
    case portuguese = 3

    /// The national language identifier carried in UDH IE 0x24 / 0x25.
    public var identifier: UInt8 { rawValue }

    /// Whether 23.038 defines a locking shift table for this language.
    public var hasLockingShiftTable: Bool { self != .spanish }
}
