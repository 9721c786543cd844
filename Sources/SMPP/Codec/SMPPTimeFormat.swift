/// Validation of SMPP absolute/relative time strings (`YYMMDDhhmmsstnnp`).
enum SMPPTimeFormat {
    /// Empty, or 12 digits, a tenths digit, 2 quarter-hour digits and `+`, `-` or `R`.
    static func isValid(_ value: String) -> Bool {
        if value.isEmpty { return true }
        let utf8 = Array(value.utf8)
        guard utf8.count == 16 else { return false }
        for index in 0..<15 where !(0x30...0x39).contains(utf8[index]) {
            return false
        }
        return utf8[15] == UInt8(ascii: "+") || utf8[15] == UInt8(ascii: "-") || utf8[15] == UInt8(ascii: "R")
    }
}
