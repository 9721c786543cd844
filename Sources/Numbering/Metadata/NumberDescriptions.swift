/// The number descriptions of a region's metadata, as bits of a ``DigitAutomaton`` accept mask.
///
/// The bit order is fixed by `scripts/numbering/generate_metadata.py` (`DESCRIPTIONS`).
struct NumberDescriptions: OptionSet, Sendable, Hashable {
    let rawValue: UInt16

    static let general = NumberDescriptions(rawValue: 1 << 0)
    static let fixedLine = NumberDescriptions(rawValue: 1 << 1)
    static let mobile = NumberDescriptions(rawValue: 1 << 2)
    static let tollFree = NumberDescriptions(rawValue: 1 << 3)
    static let premiumRate = NumberDescriptions(rawValue: 1 << 4)
    static let sharedCost = NumberDescriptions(rawValue: 1 << 5)
    static let personalNumber = NumberDescriptions(rawValue: 1 << 6)
    static let voip = NumberDescriptions(rawValue: 1 << 7)
    static let pager = NumberDescriptions(rawValue: 1 << 8)
    static let uan = NumberDescriptions(rawValue: 1 << 9)
    static let voicemail = NumberDescriptions(rawValue: 1 << 10)

    /// Number of descriptions in the generated table.
    static let count = 11
}
