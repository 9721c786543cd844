import Crypto
import Foundation

/// Rules and derivations shared by note keys: key-name syntax, key IDs, base64.
enum NoteKeyName {
    /// The signed-note signature type byte for Ed25519.
    static let ed25519Type: UInt8 = 0x01

    /// Key names are non-empty and contain neither Unicode white space nor `+` (c2sp.org/signed-note).
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains { $0.properties.isWhitespace || $0 == "+" || $0.value < 0x20 }
    }

    static func validate(_ name: String) throws(MerkleLogError) {
        guard isValid(name) else {
            throw MerkleLogError(.invalidKey, "key name \"\(name)\" must be non-empty and contain no spaces or '+'")
        }
    }

    /// `SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ public key)[:4]` as a big-endian integer.
    static func keyID(name: String, publicKey: [UInt8]) -> UInt32 {
        var hasher = SHA256()
        hasher.update(data: Array(name.utf8))
        hasher.update(data: [0x0A, ed25519Type])
        hasher.update(data: publicKey)
        return hasher.finalize().withUnsafeBytes { raw in
            raw.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        }
    }

    static func hex(_ keyID: UInt32) -> String {
        let digits = String(keyID, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// Exactly eight hex digits.
    static func parseKeyID(_ text: Substring) -> UInt32? {
        guard text.utf8.count == 8, text.utf8.allSatisfy({ isHexDigit($0) }) else { return nil }
        return UInt32(text, radix: 16)
    }

    private static func isHexDigit(_ c: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(c)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(c)
    }
}
