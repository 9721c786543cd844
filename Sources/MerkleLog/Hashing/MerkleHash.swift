import Crypto
import Foundation

/// A 32-byte SHA-256 value: a leaf hash, a node hash, a tree root, a payload digest.
///
/// Stored inline (no heap allocation), compared byte-wise, encoded as standard padded base64 in
/// text formats (checkpoints, bundles) and shown as lowercase hex in `description`.
///
/// ```swift
/// let root = try MerkleHash(base64: "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
/// print(root.hex)
/// ```
public struct MerkleHash: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number of bytes in a hash.
    public static let byteCount = 32

    /// All zero bytes; used as the previous-entry hash of the first log entry.
    public static let zero = MerkleHash(words: (0, 0, 0, 0))

    // Raw bytes in memory order; the tuple layout is exactly 32 contiguous bytes.
    private var words: (UInt64, UInt64, UInt64, UInt64)

    private init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    /// Creates a hash from exactly 32 bytes.
    public init(bytes: some Collection<UInt8>) throws(MerkleLogError) {
        guard bytes.count == Self.byteCount else {
            throw MerkleLogError(.invalidHash, "a hash must be 32 bytes, got \(bytes.count)")
        }
        self.init(words: (0, 0, 0, 0))
        withUnsafeMutableBytes(of: &words) { raw in
            _ = raw.initializeMemory(as: UInt8.self, from: bytes)
        }
    }

    /// Creates a hash from the first 32 bytes of a raw buffer (which must hold at least 32).
    init(unsafeRaw raw: UnsafeRawBufferPointer) {
        self.init(
            w0: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
            w1: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
            w2: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self),
            w3: raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
        )
    }

    init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
        self.words = (w0, w1, w2, w3)
    }

    /// Creates a hash from a SHA-256 digest.
    init(_ digest: SHA256Digest) {
        self = digest.withUnsafeBytes { MerkleHash(unsafeRaw: $0) }
    }

    /// Parses standard padded base64 (RFC 4648 §4) of exactly 32 bytes.
    public init(base64: String) throws(MerkleLogError) {
        guard let data = Data(base64Encoded: base64), data.count == Self.byteCount else {
            throw MerkleLogError(.invalidHash, "not the base64 encoding of a 32-byte hash: \"\(base64.prefix(64))\"")
        }
        try self.init(bytes: data)
        guard self.base64 == base64 else {
            throw MerkleLogError(.invalidHash, "non-canonical base64 hash: \"\(base64.prefix(64))\"")
        }
    }

    /// Parses 64 hex digits (either case).
    public init(hex: String) throws(MerkleLogError) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 2 * Self.byteCount else {
            throw MerkleLogError(.invalidHash, "a hex hash must have 64 digits, got \(utf8.count)")
        }
        var bytes = [UInt8](repeating: 0, count: Self.byteCount)
        for i in 0..<Self.byteCount {
            guard let high = Self.hexValue(utf8[2 * i]), let low = Self.hexValue(utf8[2 * i + 1]) else {
                throw MerkleLogError(.invalidHash, "not a hex hash: \"\(hex.prefix(64))\"")
            }
            bytes[i] = high << 4 | low
        }
        try self.init(bytes: bytes)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Calls `body` with the 32 raw bytes.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        var copy = self
        return try Swift.withUnsafeBytes(of: &copy.words) { raw throws(E) in try body(raw) }
    }

    /// The 32 bytes.
    public var bytes: [UInt8] {
        withUnsafeBytes { Array($0) }
    }

    /// Lowercase hex, 64 digits.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        withUnsafeBytes { raw in
            for byte in raw {
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Standard padded base64, 44 characters.
    public var base64: String {
        withUnsafeBytes { Data($0).base64EncodedString() }
    }

    public var description: String { hex }

    public static func == (lhs: MerkleHash, rhs: MerkleHash) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1
            && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    /// Byte-wise lexicographic order.
    public static func < (lhs: MerkleHash, rhs: MerkleHash) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}

extension MerkleHash: Codable {
    /// Decodes from a base64 string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(base64: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    /// Encodes as a base64 string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(base64)
    }
}
