import Crypto
import Foundation

/// Hashing helpers for secrets Herald must check but never keep (API keys, operator tokens, passwords of
/// SMPP customers) and for keyed pseudonyms.
public enum SecretHashing {
    /// Lower-case hex SHA-256 of the UTF-8 text. Suitable for high-entropy secrets (API keys, tokens).
    public static func sha256Hex(_ text: String) -> String {
        hex(SHA256.hash(data: Data(text.utf8)))
    }

    /// Lower-case hex SHA-256 of raw bytes (request fingerprints).
    public static func sha256Hex(bytes: some Sequence<UInt8>) -> String {
        hex(SHA256.hash(data: Data(bytes)))
    }

    /// Lower-case hex HMAC-SHA256 of `message` under `key`.
    public static func hmacHex(key: [UInt8], message: String) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: key)))
    }

    /// Compares two byte strings in time that depends only on their lengths.
    public static func constantTimeEquals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(lhs, rhs) { difference |= a ^ b }
        return difference == 0
    }

    public static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        constantTimeEquals(Array(lhs.utf8), Array(rhs.utf8))
    }

    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Random text in lower-case Crockford base32 with `byteCount` bytes of entropy.
    public static func randomToken(byteCount: Int, random: any RandomSource) -> String {
        let bytes = random.bytes(byteCount)
        var out = [UInt8]()
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(Crockford.alphabet[Int((buffer >> UInt32(bits)) & 0x1F)])
            }
        }
        if bits > 0 { out.append(Crockford.alphabet[Int((buffer << UInt32(5 - bits)) & 0x1F)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
