import Foundation

/// An IPv4 or IPv6 address range in CIDR notation (`203.0.113.0/24`, `2001:db8::/32`, or one address),
/// for the source addresses an SMPP account may bind from.
///
/// ```swift
/// let office = try IPNetwork(parsing: "203.0.113.0/24")
/// office.contains("203.0.113.7")   // true
/// office.description               // "203.0.113.0/24"
/// ```
public struct IPNetwork: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The network's address bytes (4 or 16), host bits cleared.
    public let address: [UInt8]
    /// Prefix length in bits.
    public let prefixLength: Int

    /// Parses `address` or `address/prefix`; a bare address is a single host (/32, /128).
    /// IPv4-mapped IPv6 addresses (`::ffff:a.b.c.d`) are treated as IPv4.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let pieces = trimmed.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let bytes = Self.bytes(of: String(pieces[0])) else {
            throw HeraldError.invalid("invalid_network", "'\(trimmed.prefix(60))' is not an IPv4 or IPv6 address or CIDR range", field: "allowed_networks")
        }
        let maximum = bytes.count * 8
        var length = maximum
        if pieces.count == 2 {
            guard let value = Int(pieces[1]), (0...maximum).contains(value), pieces[1].allSatisfy(\.isNumber) else {
                throw HeraldError.invalid("invalid_network", "the prefix length of '\(trimmed.prefix(60))' must be 0-\(maximum)", field: "allowed_networks")
            }
            length = value
        }
        prefixLength = length
        address = Self.masked(bytes, prefixLength: length)
    }

    /// Whether `ip` (textual IPv4 or IPv6, possibly IPv4-mapped) lies in this range.
    public func contains(_ ip: String) -> Bool {
        guard let bytes = Self.bytes(of: ip), bytes.count == address.count else { return false }
        return Self.masked(bytes, prefixLength: prefixLength) == address
    }

    public var description: String {
        let text: String
        if address.count == 4 {
            text = address.map(String.init).joined(separator: ".")
        } else {
            var storage = in6_addr()
            withUnsafeMutableBytes(of: &storage) { raw in for (index, byte) in address.enumerated() { raw[index] = byte } }
            var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            if inet_ntop(AF_INET6, &storage, &buffer, socklen_t(buffer.count)) != nil {
                text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            } else {
                text = "?"
            }
        }
        return "\(text)/\(prefixLength)"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        try self.init(parsing: try container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Address bytes of a textual IP (an IPv4-mapped IPv6 address gives its 4 IPv4 bytes); `nil` if malformed.
    static func bytes(of text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        // Zone ids (`fe80::1%eth0`) name an interface, not an address.
        let unscoped = text.split(separator: "%", maxSplits: 1).first.map(String.init) ?? text
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, unscoped, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF { return Array(bytes[12..<16]) }
        return bytes
    }

    static func masked(_ bytes: [UInt8], prefixLength: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let bits = max(0, min(8, prefixLength - index * 8))
            return bits == 8 ? byte : byte & UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
        }
    }
}
