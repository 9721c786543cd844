/// The GSM 7-bit character tables in use for a message: an optional locking shift table (replacing the default
/// alphabet) and an optional single shift table (replacing the escape/extension table).
///
/// `GSMShiftTables.none` is the plain GSM 03.38 default alphabet and extension table, which every handset supports.
public struct GSMShiftTables: Sendable, Hashable, Codable {
    /// The locking shift language (UDH IE 0x25), or `nil` for the default alphabet.
    public var locking: GSMNationalLanguage?
    /// The single shift language (UDH IE 0x24), or `nil` for the default extension table.
    public var single: GSMNationalLanguage?

    /// Creates a combination. A Spanish locking shift is the default alphabet, so it is stored as `nil`.
    public init(locking: GSMNationalLanguage? = nil, single: GSMNationalLanguage? = nil) {
        self.locking = locking == .spanish ? nil : locking
        self.single = single
    }

    /// The default alphabet with the default extension table.
    public static let none = GSMShiftTables()

    /// Whether this is the default alphabet and extension table (no UDH information element needed).
    public var isDefault: Bool { locking == nil && single == nil }

    /// The user data header information elements announcing these tables (IE 0x25 then 0x24), empty for the default.
    public var informationElements: [InformationElement] {
        var elements: [InformationElement] = []
        if let locking { elements.append(InformationElement(identifier: InformationElement.lockingShift, data: [locking.identifier])) }
        if let single { elements.append(InformationElement(identifier: InformationElement.singleShift, data: [single.identifier])) }
        return elements
    }

    /// The combinations worth trying for the given languages, cheapest header first.
    static func candidates(languages: [GSMNationalLanguage], allowLocking: Bool) -> [GSMShiftTables] {
        var result: [GSMShiftTables] = []
        for language in languages { result.append(GSMShiftTables(single: language)) }
        if allowLocking {
            for language in languages where language.hasLockingShiftTable {
                result.append(GSMShiftTables(locking: language))
                result.append(GSMShiftTables(locking: language, single: language))
            }
        }
        var seen = Set<GSMShiftTables>()
        return result.filter { seen.insert($0).inserted }
    }
}
