import Crypto
import Foundation

/// A signed-note Ed25519 verifier (public) key: a key name, its 32-bit key ID and the public key.
///
/// Its text form is `<name>+<8 hex digits key ID>+<base64(0x01 ‖ 32-byte public key)>`, as in
/// c2sp.org/signed-note and Go's `golang.org/x/mod/sumdb/note`. Auditors receive this string out of
/// band and pass it to `herald audit verify --key`.
///
/// ```swift
/// let key = try NoteVerifierKey(parsing: "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
/// print(key.name, key.keyIDHex)
/// ```
public struct NoteVerifierKey: Sendable, Hashable, CustomStringConvertible {
    /// The key name (for a log, normally its origin).
    public let name: String
    /// The key ID: first four bytes of `SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)`.
    public let keyID: UInt32
    /// The raw 32-byte Ed25519 public key.
    public let publicKeyBytes: [UInt8]
    private let publicKey: Curve25519.Signing.PublicKey

    /// Creates a verifier key for a name and an Ed25519 public key.
    public init(name: String, publicKey: Curve25519.Signing.PublicKey) throws(MerkleLogError) {
        try NoteKeyName.validate(name)
        self.name = name
        self.publicKey = publicKey
        self.publicKeyBytes = Array(publicKey.rawRepresentation)
        self.keyID = NoteKeyName.keyID(name: name, publicKey: publicKeyBytes)
    }

    /// Parses `<name>+<hex key ID>+<base64(0x01 ‖ public key)>`, checking the key ID.
    public init(parsing text: String) throws(MerkleLogError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        func invalid(_ why: String) -> MerkleLogError {
            MerkleLogError(.invalidKey, "verifier key \"\(trimmed.prefix(120))\": \(why)")
        }
        let parts = trimmed.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw invalid("expected <name>+<key ID>+<key>") }
        let name = String(parts[0])
        guard NoteKeyName.isValid(name) else { throw invalid("invalid key name") }
        guard let keyID = NoteKeyName.parseKeyID(parts[1]) else { throw invalid("the key ID must be 8 hex digits") }
        guard let keyData = Base64.decode(String(parts[2])), !keyData.isEmpty else { throw invalid("the key is not base64") }
        guard keyData[0] == NoteKeyName.ed25519Type else { throw invalid("unknown signature type \(keyData[0]); only Ed25519 (1) is supported") }
        guard keyData.count == 33, let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: keyData[1...]) else {
            throw invalid("an Ed25519 key must be 32 bytes")
        }
        try self.init(name: name, publicKey: publicKey)
        guard self.keyID == keyID else {
            throw invalid("the key ID \(NoteKeyName.hex(keyID)) does not match the key (expected \(keyIDHex))")
        }
    }

    /// The key ID as eight lowercase hex digits.
    public var keyIDHex: String { NoteKeyName.hex(keyID) }

    /// The text form `<name>+<hex key ID>+<base64(0x01 ‖ public key)>`.
    public var description: String {
        "\(name)+\(keyIDHex)+\(Base64.encode([NoteKeyName.ed25519Type] + publicKeyBytes))"
    }

    /// Whether `signature` is a valid Ed25519 signature of `message` by this key.
    public func isValidSignature(_ signature: some DataProtocol, for message: some DataProtocol) -> Bool {
        publicKey.isValidSignature(signature, for: message)
    }

    public static func == (lhs: NoteVerifierKey, rhs: NoteVerifierKey) -> Bool {
        lhs.name == rhs.name && lhs.publicKeyBytes == rhs.publicKeyBytes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(publicKeyBytes)
    }
}
