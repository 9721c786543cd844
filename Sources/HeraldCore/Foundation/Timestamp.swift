import Foundation

/// A point in time with millisecond precision, as Herald stores and exchanges it.
///
/// Stored as milliseconds since the Unix epoch so that every backend (SQLite, PostgreSQL) keeps it
/// exactly; rendered as RFC 3339 / ISO 8601 (UTC, milliseconds) in JSON.
///
/// ```swift
/// let t = Timestamp(millisecondsSince1970: 1_700_000_000_000)
/// t.adding(seconds: 60).iso8601  // "2023-11-14T22:14:20.000Z"
/// ```
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var millisecondsSince1970: Int64

    public init(millisecondsSince1970: Int64) {
        self.millisecondsSince1970 = millisecondsSince1970
    }

    public init(_ date: Date) {
        self.millisecondsSince1970 = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    public var date: Date { Date(timeIntervalSince1970: Double(millisecondsSince1970) / 1000) }

    public func adding(milliseconds: Int64) -> Timestamp {
        Timestamp(millisecondsSince1970: millisecondsSince1970 &+ milliseconds)
    }

    public func adding(seconds: Int64) -> Timestamp { adding(milliseconds: seconds * 1000) }

    public func adding(_ duration: Duration) -> Timestamp {
        let (seconds, attoseconds) = duration.components
        return adding(milliseconds: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }

    /// Milliseconds from `other` to `self` (negative when `other` is later).
    public func milliseconds(since other: Timestamp) -> Int64 {
        millisecondsSince1970 - other.millisecondsSince1970
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }

    public var description: String { iso8601 }

    /// RFC 3339 text in UTC with milliseconds, e.g. `2026-11-25T17:00:00.123Z`.
    public var iso8601: String {
        let seconds = millisecondsSince1970 >= 0 ? millisecondsSince1970 / 1000 : (millisecondsSince1970 - 999) / 1000
        let millis = Int(millisecondsSince1970 - seconds * 1000)
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let year = pad(parts.tm_year + 1900, 4)
        let date = "\(year)-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
        let clock = "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))"
        return "\(date)T\(clock).\(pad(Int32(millis), 3))Z"
    }

    /// Parses RFC 3339 text (`Z` or `±hh:mm` offset, optional fraction); `nil` if malformed.
    public init?(iso8601 text: String) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) {
            self.init(date)
            return
        }
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { return nil }
        self.init(date)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp(iso8601: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an RFC 3339 date-time such as 2026-01-31T12:00:00Z")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}
