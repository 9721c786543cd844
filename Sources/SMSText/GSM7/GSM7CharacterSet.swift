/// Lookup tables for one ``GSMShiftTables`` combination, built once and cached.
struct GSM7CharacterSet: Sendable {
    /// Flag in an encode entry: the character is reached through the escape (single shift) table.
    static let escaped: UInt16 = 0x100
    /// An encode entry for a scalar that has no septet.
    static let unmapped: UInt16 = 0xFFFF
    /// The escape septet.
    static let escapeSeptet: UInt8 = 0x1B

    let tables: GSMShiftTables
    /// Septet → scalar for the basic (locking) table; `GSM7Tables.escape` at 0x1B.
    let basic: [UInt32]
    /// Septet after escape → scalar; 0 where undefined.
    let shifted: [UInt32]
    /// Scalar (< 256) → encode entry.
    let encodeLow: [UInt16]
    /// Scalar (>= 256) → encode entry.
    let encodeHigh: [UInt32: UInt16]

    init(tables: GSMShiftTables) {
        self.tables = tables
        let basic = GSM7Tables.basic(for: tables.locking)
        var shifted = [UInt32](repeating: 0, count: 128)
        for (septet, scalar) in GSM7Tables.singleShift(for: tables.single) { shifted[Int(septet)] = scalar }
        var low = [UInt16](repeating: Self.unmapped, count: 256)
        var high: [UInt32: UInt16] = [:]
        func store(_ scalar: UInt32, _ entry: UInt16) {
            if scalar < 256 {
                if low[Int(scalar)] == Self.unmapped { low[Int(scalar)] = entry }
            } else if high[scalar] == nil {
                high[scalar] = entry
            }
        }
        // Basic table first so that a character present in both costs one septet.
        for (septet, scalar) in basic.enumerated() where scalar != GSM7Tables.escape {
            store(scalar, UInt16(septet))
        }
        for (septet, scalar) in shifted.enumerated() where scalar != 0 {
            store(scalar, Self.escaped | UInt16(septet))
        }
        self.basic = basic
        self.shifted = shifted
        self.encodeLow = low
        self.encodeHigh = high
    }

    /// The encode entry for a scalar (see ``escaped`` and ``unmapped``).
    @inline(__always)
    func entry(for scalar: Unicode.Scalar) -> UInt16 {
        let value = scalar.value
        if value < 256 { return encodeLow[Int(value)] }
        return encodeHigh[value] ?? Self.unmapped
    }

    /// Decodes unpacked septets to text. An escape followed by an undefined code shows the basic character
    /// (23.038 6.2.1.1), escape-escape shows a space, a dangling final escape is dropped, and values above
    /// 0x7F become U+FFFD.
    func decode(_ septets: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        var iterator = septets.makeIterator()
        while let septet = iterator.next() {
            if septet > 0x7F {
                scalars.append("\u{FFFD}")
            } else if septet == Self.escapeSeptet {
                guard let next = iterator.next() else { break }
                if next > 0x7F {
                    scalars.append("\u{FFFD}")
                } else if next == Self.escapeSeptet {
                    scalars.append(" ")
                } else if shifted[Int(next)] != 0 {
                    scalars.append(Unicode.Scalar(shifted[Int(next)])!)
                } else {
                    scalars.append(Unicode.Scalar(basic[Int(next)])!)
                }
            } else {
                scalars.append(Unicode.Scalar(basic[Int(septet)])!)
            }
        }
        return String(scalars)
    }

    /// The cached character set for a combination.
    static func forTables(_ tables: GSMShiftTables) -> GSM7CharacterSet {
        if tables.isDefault { return standard }
        return cache[tables] ?? GSM7CharacterSet(tables: tables)
    }

    static let standard = GSM7CharacterSet(tables: .none)

    private static let cache: [GSMShiftTables: GSM7CharacterSet] = {
        var all: [GSMShiftTables: GSM7CharacterSet] = [:]
        let lockings: [GSMNationalLanguage?] = [nil] + GSMNationalLanguage.allCases.filter(\.hasLockingShiftTable)
        let singles: [GSMNationalLanguage?] = [nil] + GSMNationalLanguage.allCases
        for locking in lockings {
            for single in singles {
                let tables = GSMShiftTables(locking: locking, single: single)
                all[tables] = GSM7CharacterSet(tables: tables)
            }
        }
        return all
    }()
}
