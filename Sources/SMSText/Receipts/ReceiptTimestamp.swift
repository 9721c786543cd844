/// A date from a delivery receipt (`submit date:` / `done date:`), without time zone (receipts carry none).
///
/// Parses `YYMMDDhhmm` (SMPP 3.4 appendix B), `YYMMDDhhmmss`, `YYYYMMDDhhmm` and `YYYYMMDDhhmmss`; any
/// non-digits (`2024-01-02 15:30`) are ignored. A 12-digit value is read as `YYMMDDhhmmss` unless only
/// `YYYYMMDDhhmm` gives a valid date. Two-digit years are 2000–2099.
public struct ReceiptTimestamp: Sendable, Hashable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    /// Seconds, when the receipt carried them.
    public let second: Int?

    /// Creates a validated timestamp; `nil` when a field is out of range.
    public init?(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int? = nil) {
        guard (0...9999).contains(year), (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
            (0...59).contains(minute), second.map({ (0...60).contains($0) }) ?? true
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Parses a receipt date (see the type description); `nil` when it is not one.
    public init?(parsing value: some StringProtocol) {
        let digits = value.unicodeScalars.compactMap { scalar -> Int? in
            (0x30...0x39).contains(scalar.value) ? Int(scalar.value - 0x30) : nil
        }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + digits[$1] } }
        func shortYear(withSeconds: Bool) -> ReceiptTimestamp? {
            ReceiptTimestamp(
                year: 2000 + number(0..<2), month: number(2..<4), day: number(4..<6), hour: number(6..<8),
                minute: number(8..<10), second: withSeconds ? number(10..<12) : nil)
        }
        func longYear(withSeconds: Bool) -> ReceiptTimestamp? {
            ReceiptTimestamp(
                year: number(0..<4), month: number(4..<6), day: number(6..<8), hour: number(8..<10),
                minute: number(10..<12), second: withSeconds ? number(12..<14) : nil)
        }
        let parsed: ReceiptTimestamp?
        switch digits.count {
        case 10: parsed = shortYear(withSeconds: false)
        case 12: parsed = shortYear(withSeconds: true) ?? longYear(withSeconds: false)
        case 14: parsed = longYear(withSeconds: true)
        default: parsed = nil
        }
        guard let parsed else { return nil }
        self = parsed
    }

    /// The receipt form: `YYMMDDhhmm`, or `YYMMDDhhmmss` with `includesSeconds` (seconds default to 00).
    public func formatted(includesSeconds: Bool = false, fourDigitYear: Bool = false) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value % 100)" }
        var result = fourDigitYear ? String(String(year).suffix(4)).leftPadded(to: 4) : two(year % 100)
        result += two(month) + two(day) + two(hour) + two(minute)
        if includesSeconds { result += two(second ?? 0) }
        return result
    }

    public var description: String { formatted(includesSeconds: second != nil, fourDigitYear: true) }
}
