/// What an SMS console counter shows before sending: encoding, number of parts, and how many units are
/// used and left in the current (last) part.
///
/// ```swift
/// let count = try SMSCounter(options).count("Your code is 123456")
/// // count.encoding == .gsm7, count.parts == 1, count.unitsPerPart == 160, count.remainingInLastPart == 141
/// ```
///
/// Units are septets for GSM (characters from the extension table such as `€` or `{` cost two), UTF-16 code
/// units for UCS-2 (most emoji cost two) and octets for IA5/Latin-1.
public struct MessageCount: Sendable, Hashable, Codable {
    /// The chosen encoding.
    public let encoding: TextEncoding
    /// The national language tables used with GSM 7-bit (``GSMShiftTables/none`` otherwise).
    public let shiftTables: GSMShiftTables
    /// The unit of ``units``, ``unitsPerPart`` and ``unitsInLastPart``.
    public let unit: TextUnit
    /// User-perceived characters in the text.
    public let characters: Int
    /// Units the whole text needs.
    public let units: Int
    /// SMS parts over the air (what the recipient's operator bills).
    public let parts: Int
    /// Units one part can hold in the current layout (160/153/152 septets, 70/67/66 UTF-16 units, 140/134/133
    /// octets, lower with national language tables).
    public let unitsPerPart: Int
    /// Units in the last part.
    public let unitsInLastPart: Int
    /// The configured maximum number of parts.
    public let maxParts: Int

    public init(
        encoding: TextEncoding, shiftTables: GSMShiftTables, characters: Int, units: Int, parts: Int,
        unitsPerPart: Int, unitsInLastPart: Int, maxParts: Int
    ) {
        self.encoding = encoding
        self.shiftTables = shiftTables
        self.unit = encoding.unit
        self.characters = characters
        self.units = units
        self.parts = parts
        self.unitsPerPart = unitsPerPart
        self.unitsInLastPart = unitsInLastPart
        self.maxParts = maxParts
    }

    /// Units still free in the last part before another part is needed (a two-unit character may not fit
    /// when this is 1).
    public var remainingInLastPart: Int { max(0, unitsPerPart - unitsInLastPart) }

    /// Whether the text needs more parts than allowed (sending it would fail).
    public var exceedsMaxParts: Bool { parts > maxParts }
}
