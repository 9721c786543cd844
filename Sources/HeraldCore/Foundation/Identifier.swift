/// Marks the kind of thing an ``Identifier`` names and gives its textual prefix.
public protocol IdentifierKind: Sendable {
    /// The prefix before the underscore, e.g. `msg` in `msg_01jd…`.
    static var prefix: String { get }
}

/// A typed, prefixed, time-ordered identifier such as `msg_01jdxk4v8m6t3q9w2e5r7y1u0z`.
///
/// The part after the prefix is a ULID in lower-case Crockford base32: 48 bits of milliseconds
/// then 80 random bits, so identifiers sort by creation time (used for cursor pagination).
public struct Identifier<Kind: IdentifierKind>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Wraps an existing identifier; `nil` unless it has this kind's prefix and a well-formed ULID.
    public init?(_ rawValue: String) {
        let expected = Kind.prefix + "_"
        guard rawValue.hasPrefix(expected) else { return nil }
        let body = rawValue.dropFirst(expected.count)
        guard body.count == 26, body.utf8.allSatisfy({ Crockford.value(of: $0) != nil }) else { return nil }
        self.rawValue = rawValue
    }

    /// Trusted construction from storage (no validation).
    public init(unchecked rawValue: String) {
        self.rawValue = rawValue
    }

    /// A new identifier for `time`, with 80 bits from `random`.
    public static func generate(at time: Timestamp, random: any RandomSource) -> Identifier {
        Identifier(unchecked: Kind.prefix + "_" + Crockford.ulid(milliseconds: time.millisecondsSince1970, random: random.bytes(10)))
    }

    public var description: String { rawValue }

    public static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Identifier(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a valid \(Kind.prefix)_ identifier")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Lower-case Crockford base32 as used by ULIDs.
enum Crockford {
    static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz".utf8)

    static func value(of byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "z"):
            guard let index = alphabet.firstIndex(of: byte) else { return nil }
            return UInt8(index)
        default: return nil
        }
    }

    /// 26 characters: 10 for the 48-bit time, 16 for the 80 random bits.
    static func ulid(milliseconds: Int64, random: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(26)
        let time = UInt64(max(0, milliseconds)) & 0xFFFF_FFFF_FFFF
        for shift in stride(from: 45, through: 0, by: -5) {
            out.append(alphabet[Int((time >> UInt64(shift)) & 0x1F)])
        }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for byte in random.prefix(5) { high = (high << 8) | UInt64(byte) }
        for byte in random.dropFirst(5).prefix(5) { low = (low << 8) | UInt64(byte) }
        for shift in stride(from: 35, through: 0, by: -5) { out.append(alphabet[Int((high >> UInt64(shift)) & 0x1F)]) }
        for shift in stride(from: 35, through: 0, by: -5) { out.append(alphabet[Int((low >> UInt64(shift)) & 0x1F)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
