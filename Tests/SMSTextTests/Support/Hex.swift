/// Hex helpers for readable byte vectors in tests.
enum Hex {
    static func bytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.filter { !$0.isWhitespace })
        var result: [UInt8] = []
        var index = 0
        while index + 1 < digits.count {
            result.append(UInt8(String(digits[index...index + 1]), radix: 16) ?? 0)
            index += 2
        }
        return result
    }

    static func string(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16, uppercase: true) }.joined()
    }
}
