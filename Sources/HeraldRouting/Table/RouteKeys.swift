/// Packs the non-prefix match values into integers, so the table's dictionaries hash one word instead
/// of a string on every lookup.
enum RouteKeys {
    /// `mcc * 2000 + mnc` for a 2-digit MNC, `mcc * 2000 + 1000 + mnc` for a 3-digit one ("01" and "001"
    /// are different networks). Nil unless `mcc` is 3 ASCII digits and `mnc` 2 or 3.
    @inline(__always)
    static func network(mcc: String, mnc: String) -> UInt32? {
        guard let mccValue = digits(mcc, count: 3...3), let mncValue = digits(mnc, count: 2...3) else { return nil }
        return mccValue * 2000 + (mnc.utf8.count == 3 ? 1000 : 0) + mncValue
    }

    /// Up to three ASCII letters or digits, upper-cased, packed into one word. Nil for anything else.
    @inline(__always)
    static func region(_ code: String) -> UInt32? {
        var key: UInt32 = 0
        var count = 0
        for byte in code.utf8 {
            count += 1
            guard count <= 3 else { return nil }
            var upper = byte
            if byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") { upper = byte - 32 }
            let isLetter = upper >= UInt8(ascii: "A") && upper <= UInt8(ascii: "Z")
            let isDigit = upper >= UInt8(ascii: "0") && upper <= UInt8(ascii: "9")
            guard isLetter || isDigit else { return nil }
            key = key << 8 | UInt32(upper)
        }
        return count == 0 ? nil : key
    }

    @inline(__always)
    private static func digits(_ text: String, count: ClosedRange<Int>) -> UInt32? {
        var value: UInt32 = 0
        var length = 0
        for byte in text.utf8 {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            length += 1
            guard length <= count.upperBound else { return nil }
            value = value * 10 + UInt32(digit)
        }
        return count.contains(length) ? value : nil
    }
}
