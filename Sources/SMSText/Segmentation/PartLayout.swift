/// Header sizes and per-part capacities for one encoding, shift-table choice and concatenation method.
struct PartLayout: Sendable {
    let unit: TextUnit
    let method: ConcatenationMethod
    /// Octets of national language shift elements (3 per element).
    let shiftElementOctets: Int

    init(encoding: TextEncoding, tables: GSMShiftTables, method: ConcatenationMethod) {
        self.unit = encoding.unit
        self.method = method
        self.shiftElementOctets = encoding == .gsm7 ? tables.informationElements.count * 3 : 0
    }

    /// The UDH this library writes into a single-part message (shift elements only), UDHL included.
    var singleHeaderOctets: Int { shiftElementOctets == 0 ? 0 : 1 + shiftElementOctets }

    /// The UDH each part carries over the air when the message is concatenated, UDHL included.
    var multipartAirHeaderOctets: Int { 1 + method.concatenationElementOctets + shiftElementOctets }

    /// The UDH this library writes into each part's `short_message` when concatenated, UDHL included.
    var multipartOwnHeaderOctets: Int {
        method.writesConcatenationElement ? multipartAirHeaderOctets : singleHeaderOctets
    }

    var singleCapacity: Int { Self.capacity(unit: unit, headerOctets: singleHeaderOctets) }
    var multipartCapacity: Int { Self.capacity(unit: unit, headerOctets: multipartAirHeaderOctets) }

    /// Units that fit in one 140-octet TP-UD next to a header of `headerOctets` (UDHL included):
    /// ⌊(1120 − 8·header) / 7⌋ septets, ⌊(140 − header) / 2⌋ UTF-16 units, or 140 − header octets.
    static func capacity(unit: TextUnit, headerOctets: Int) -> Int {
        switch unit {
        case .septet: return (1120 - 8 * headerOctets) / 7
        case .utf16CodeUnit: return (140 - headerOctets) / 2
        case .octet: return 140 - headerOctets
        }
    }
}
