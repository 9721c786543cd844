/// Arbitrary-length conversion between decimal and hexadecimal digit strings (message ids can exceed 64 bits).
enum BaseConversion {
    /// Ids longer than this are not converted (SMPP message ids are at most 64 characters).
    static let maximumDigits = 80

    /// Lowercase hex without leading zeros ("0" for zero) of a decimal digit string; `nil` if not all digits.
    static func hex(fromDecimal decimal: some StringProtocol) -> String? {
        guard let digits = digits(of: decimal, radix: 10) else { return nil }
        return render(convert(digits, from: 10, to: 16), alphabet: hexAlphabet)
    }

    /// Decimal without leading zeros of a hex digit string (either case); `nil` if not all hex digits.
    static func decimal(fromHex hex: some StringProtocol) -> String? {
        guard let digits = digits(of: hex, radix: 16) else { return nil }
        return render(convert(digits, from: 16, to: 10), alphabet: hexAlphabet)
    }

    /// Lowercase hex without leading zeros of a hex digit string; `nil` if not all hex digits.
    static func canonicalHex(_ hex: some StringProtocol) -> String? {
        guard let digits = digits(of: hex, radix: 16) else { return nil }
        return render(digits, alphabet: hexAlphabet)
    }

    private static let hexAlphabet = Array("0123456789abcdef")

    private static func digits(of text: some StringProtocol, radix: Int) -> [Int]? {
        guard !text.isEmpty, text.utf8.count <= maximumDigits else { return nil }
        var result: [Int] = []
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            let value: Int
            switch byte {
            case 0x30...0x39: value = Int(byte - 0x30)
            case 0x61...0x66: value = Int(byte - 0x61 + 10)
            case 0x41...0x46: value = Int(byte - 0x41 + 10)
            default: return nil
            }
            guard value < radix else { return nil }
            result.append(value)
        }
        return result
    }

    /// Converts most-significant-first digits between bases by repeated division.
    private static func convert(_ digits: [Int], from source: Int, to target: Int) -> [Int] {
        var number = digits
        var output: [Int] = []
        while !number.isEmpty {
            var remainder = 0
            var quotient: [Int] = []
            quotient.reserveCapacity(number.count)
            for digit in number {
                let accumulator = remainder * source + digit
                let q = accumulator / target
                remainder = accumulator % target
                if !quotient.isEmpty || q != 0 { quotient.append(q) }
            }
            output.append(remainder)
            number = quotient
        }
        return output.reversed()
    }

    private static func render(_ digits: [Int], alphabet: [Character]) -> String {
        let significant = digits.drop { $0 == 0 }
        if significant.isEmpty { return "0" }
        return String(significant.map { alphabet[$0] })
    }
}
