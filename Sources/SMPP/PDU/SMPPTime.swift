/// A value of the SMPP 3.4 time fields (`schedule_delivery_time`, `validity_period`, §7.1.1):
/// absolute `YYMMDDhhmmsstnnp` (`p` is `+` or `-`, `nn` the offset from UTC in quarter hours) or relative
/// `YYMMDDhhmmss000R`.
///
/// Relative years count 365 days and months 30 days (the spec gives no calendar for them).
///
/// ```swift
/// SMPPTime(parsing: "000001000000000R")           // .relative(seconds: 86_400)
/// SMPPTime(parsing: "260131120000004+")?.instant(now: 0)
/// // seconds since 1970 of 2026-01-31 12:00 local time 1 h ahead of UTC, i.e. 11:00 UTC
/// ```
public enum SMPPTime: Hashable, Sendable {
    /// A moment, as seconds since 1970-01-01 UTC (tenths of a second are dropped).
    case absolute(secondsSince1970: Int64)
    /// A period after "now".
    case relative(seconds: Int64)

    /// Parses a non-empty time field; `nil` when it is empty or malformed.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[0..<15].allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        func number(_ range: Range<Int>) -> Int64 { bytes[range].reduce(0) { $0 * 10 + Int64($1 - 0x30) } }
        let (yy, mo, dd, hh, mi, ss) = (number(0..<2), number(2..<4), number(4..<6), number(6..<8), number(8..<10), number(10..<12))
        switch bytes[15] {
        case UInt8(ascii: "R"):
            let days = yy * 365 + mo * 30 + dd
            self = .relative(seconds: ((days * 24 + hh) * 60 + mi) * 60 + ss)
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard (1...12).contains(mo), (1...31).contains(dd), hh <= 23, mi <= 59, ss <= 59 else { return nil }
            let quarterHours = number(13..<15)
            guard quarterHours <= 48 else { return nil }
            let year = 2000 + yy
            guard dd <= Self.daysInMonth(year: year, month: mo) else { return nil }
            let local = ((Self.daysSince1970(year: year, month: mo, day: dd) * 24 + hh) * 60 + mi) * 60 + ss
            // Local time is ahead of UTC for '+': subtract the offset to get UTC.
            let offset = quarterHours * 15 * 60
            self = .absolute(secondsSince1970: bytes[15] == UInt8(ascii: "+") ? local - offset : local + offset)
        default:
            return nil
        }
    }

    /// The moment this time names, given the current time in seconds since 1970.
    public func instant(now: Int64) -> Int64 {
        switch self {
        case .absolute(let seconds): return seconds
        case .relative(let seconds): return now + seconds
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date.
    static func daysSince1970(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
