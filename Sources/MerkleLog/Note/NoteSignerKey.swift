import Crypto
import Foundation

/// A signed-note Ed25519 signer (private) key: the log's signing key for entries and checkpoints.
///
/// Its text form is `PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 ‖ 32-byte seed)>`, as in
/// Go's `golang.org/x/mod/sumdb/note`; obtain it with ``encodedPrivateKey`` and keep it secret.
/// `description` never shows the secret.
///
/// ```swift
/// let signer = NoteSignerKey.generate(name: "audit.herald.example/log")
/// let secret = signer.encodedPrivateKey        // store in the secret store
/// let publicKey = signer.verifierKey.description // give to auditors
/// ```
public struct NoteSignerKey: Sendable, CustomStringConvertible {
    /// The key name (for a log, normally its origin).
    public let name: String
    /// The key ID shared with ``verifierKey``.
    public var keyID: UInt32 { verifierKey.keyID }
    /// The matching verifier key.
    public let verifierKey: NoteVerifierKey
    private let privateKey: Curve25519.Signing.PrivateKey

    /// Creates a signer key from a name and a 32-byte Ed25519 seed.
    public init(name: String, seed: [UInt8]) throws(MerkleLogError) {
        try NoteKeyName.validate(name)
        guard seed.count == 32, let privateKey = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else {
            throw MerkleLogError(.invalidKey, "an Ed25519 seed must be 32 bytes, got \(seed.count)")
        }
        self.name = name
        self.privateKey = privateKey
        self.verifierKey = try NoteVerifierKey(name: name, publicKey: privateKey.publicKey)
    }

    /// Parses `PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 ‖ seed)>`, checking the key ID.
    public init(parsing text: String) throws(MerkleLogError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // Never echo the secret in an error message.
        func invalid(_ why: String) -> MerkleLogError { MerkleLogError(.invalidKey, "signer key: \(why)") }
        let parts = trimmed.split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY" else {
            throw invalid("expected PRIVATE+KEY+<name>+<key ID>+<key>")
        }
        let name = String(parts[2])
        guard NoteKeyName.isValid(name) else { throw invalid("invalid key name") }
        guard let keyID = NoteKeyName.parseKeyID(parts[3]) else { throw invalid("the key ID must be 8 hex digits") }
        guard let keyData = Base64.decode(String(parts[4])), !keyData.isEmpty else { throw invalid("the key is not base64") }
        guard keyData[0] == NoteKeyName.ed25519Type else { throw invalid("unknown signature type; only Ed25519 (1) is supported") }
        guard keyData.count == 33 else { throw invalid("an Ed25519 seed must be 32 bytes") }
        try self.init(name: name, seed: Array(keyData[1...]))
        guard self.keyID == keyID else { throw invalid("the key ID does not match the key") }
    }

    /// Generates a new key from a cryptographically secure random source.
    public static func generate<R: RandomNumberGenerator>(name: String, using generator: inout R) throws(MerkleLogError) -> NoteSignerKey {
        try NoteSignerKey(name: name, seed: RandomBytes.make(count: 32, using: &generator))
    }

    /// Generates a new key from the system's secure random source.
    public static func generate(name: String) throws(MerkleLogError) -> NoteSignerKey {
        var generator = SystemRandomNumberGenerator()
        return try generate(name: name, using: &generator)
    }

    /// The secret text form `PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 ‖ seed)>`.
    public var encodedPrivateKey: String {
        let seed = Array(privateKey.rawRepresentation)
        return "PRIVATE+KEY+\(name)+\(verifierKey.keyIDHex)+\(Base64.encode([NoteKeyName.ed25519Type] + seed))"
    }

    /// Names the key without revealing it.
    public var description: String { "NoteSignerKey(\(name)+\(verifierKey.keyIDHex), private)" }

    /// Signs raw bytes with Ed25519 (64-byte signature).
    public func signature(for message: some DataProtocol) throws(MerkleLogError) -> [UInt8] {
        do {
            return Array(try privateKey.signature(for: message))
        } catch {
            throw MerkleLogError(.signingFailed, "Ed25519 signing failed: \(error)")
        }
    }
}
