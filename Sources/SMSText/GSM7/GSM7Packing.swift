/// Packing of GSM 7-bit septets into octets (3GPP TS 23.038 6.1.2.1), including fill bits after a user data
/// header and the carriage-return padding rules of 6.1.2.3.1.
///
/// ```swift
/// let septets = GSM7Codec.septets("hellohello")!          // one septet per element
/// GSM7Packing.pack(septets)                                // E8 32 9B FD 46 97 D9 EC 37
/// GSM7Packing.fillBits(afterHeaderOctets: 6)               // 1
/// ```
public enum GSM7Packing {
    /// The carriage return septet used for padding.
    static let carriageReturn: UInt8 = 0x0D

    /// The number of zero fill bits that align the first septet after a user data header of `headerOctets`
    /// octets (UDHL included) to a septet boundary: 1 after a 6-octet header, 0 after a 7-octet header.
    public static func fillBits(afterHeaderOctets headerOctets: Int) -> Int {
        guard headerOctets > 0 else { return 0 }
        return (7 - (headerOctets * 8) % 7) % 7
    }

    /// Packs septets least-significant bit first, after `fillBits` zero bits. No padding rules are applied.
    public static func pack(_ septets: [UInt8], fillBits: Int = 0) -> [UInt8] {
        guard !septets.isEmpty else { return [] }
        var output: [UInt8] = []
        output.reserveCapacity((fillBits + septets.count * 7 + 7) / 8)
        var accumulator: UInt32 = 0
        var bits = fillBits
        for septet in septets {
            accumulator |= UInt32(septet & 0x7F) << UInt32(bits)
            bits += 7
            while bits >= 8 {
                output.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8
                bits -= 8
            }
        }
        if bits > 0 { output.append(UInt8(truncatingIfNeeded: accumulator)) }
        return output
    }

    /// Unpacks septets from octets, skipping `fillBits` leading bits. Without `count`, every complete septet
    /// that fits is returned (`(8 × octets − fillBits) / 7`). No padding rules are applied.
    public static func unpack(_ octets: some Collection<UInt8>, fillBits: Int = 0, count: Int? = nil) -> [UInt8] {
        let bytes = Array(octets)
        let available = max(0, (bytes.count * 8 - fillBits) / 7)
        let total = min(count ?? available, available)
        var septets: [UInt8] = []
        septets.reserveCapacity(total)
        for index in 0..<total {
            let bitPosition = fillBits + index * 7
            let byteIndex = bitPosition / 8
            let shift = bitPosition % 8
            var value = UInt16(bytes[byteIndex]) >> UInt16(shift)
            if shift > 1, byteIndex + 1 < bytes.count {
                value |= UInt16(bytes[byteIndex + 1]) << UInt16(8 - shift)
            }
            septets.append(UInt8(value & 0x7F))
        }
        return septets
    }

    /// Packs the septets of one message part that follows a `headerOctets`-octet UDH (0 for none) and applies
    /// the 23.038 6.1.2.3.1 rules: when 7 bits would be left over at the end, they carry a CR instead of
    /// zeros (so they cannot be read as `@`); when a wanted final CR would end exactly on an octet boundary,
    /// another CR is added so the receiver's padding removal keeps the wanted one.
    ///
    /// Returns the packed user data only (the header octets are not included).
    public static func packUserData(_ septets: [UInt8], headerOctets: Int) -> [UInt8] {
        let fill = fillBits(afterHeaderOctets: headerOctets)
        var padded = septets
        let endBit = (fill + 7 * septets.count) % 8
        if !septets.isEmpty, endBit == 1 {
            padded.append(carriageReturn)
        } else if endBit == 0, endsWithUnescapedCarriageReturn(septets) {
            padded.append(carriageReturn)
        }
        return pack(padded, fillBits: fill)
    }

    /// Unpacks the user data of one part (the octets after a `headerOctets`-octet UDH) and removes a final
    /// CR that ends exactly on an octet boundary, which is padding per 23.038 6.1.2.3.1.
    public static func unpackUserData(_ octets: some Collection<UInt8>, headerOctets: Int) -> [UInt8] {
        let fill = fillBits(afterHeaderOctets: headerOctets)
        var septets = unpack(octets, fillBits: fill)
        if (fill + 7 * septets.count) == octets.count * 8, endsWithUnescapedCarriageReturn(septets) {
            septets.removeLast()
        }
        return septets
    }

    static func endsWithUnescapedCarriageReturn(_ septets: [UInt8]) -> Bool {
        guard let last = septets.last, last == carriageReturn else { return false }
        return septets.count < 2 || septets[septets.count - 2] != GSM7CharacterSet.escapeSeptet
    }

    /// Whether `septets` septets after a `headerOctets`-octet UDH end exactly on an octet boundary.
    static func endsOnOctetBoundary(septets: Int, headerOctets: Int) -> Bool {
        (fillBits(afterHeaderOctets: headerOctets) + 7 * septets) % 8 == 0
    }
}
