import HeraldCore
import MerkleLog

/// The audit log's name (origin) and Ed25519 signing key: signs every entry and every checkpoint.
///
/// Kept outside the database (Herald's secrets file), so someone who can rewrite the database cannot
/// re-sign what they rewrote. The origin is the key's name and the first line of every checkpoint.
///
/// ```swift
/// let identity = try AuditLogIdentity.generate(origin: "audit.sms.example/log", seed: random.bytes(32))
/// secrets.auditLogKey = identity.encodedPrivateKey     // PRIVATE+KEY+audit.sms.example/log+…
/// print(identity.verifierKey)                          // what auditors pass to `herald audit verify --key`
/// ```
public struct AuditLogIdentity: Sendable {
    /// The log's origin (also the key name).
    public let origin: String
    let signerKey: NoteSignerKey

    /// Restores an identity from its secret text form `PRIVATE+KEY+<origin>+<key id>+<base64 seed>`.
    ///
    /// - Throws: ``HeraldError`` `audit_log_key_invalid` (the message never contains the secret).
    public init(encodedPrivateKey: String) throws {
        do {
            let key = try NoteSignerKey(parsing: encodedPrivateKey)
            try self.init(key: key)
        } catch {
            throw HeraldError(.internal, code: "audit_log_key_invalid", "the audit log key is not usable: \(error.message)")
        }
    }

    init(key: NoteSignerKey) throws(MerkleLogError) {
        // The origin must be a valid checkpoint origin line; building a signer checks it.
        _ = try CheckpointSigner(origin: key.name, key: key)
        self.origin = key.name
        self.signerKey = key
    }

    /// A new identity for `origin` from a 32-byte secret seed (from a cryptographically secure source).
    public static func generate(origin: String, seed: [UInt8]) throws -> AuditLogIdentity {
        do {
            return try AuditLogIdentity(key: NoteSignerKey(name: origin, seed: seed))
        } catch {
            throw HeraldError(.internal, code: "audit_log_key_invalid", "cannot create an audit log key for origin '\(origin)': \(error.message)")
        }
    }

    /// A fresh origin name, unique to one deployment: `herald.local/audit/<12 hex digits>`.
    public static func generatedOrigin(random: any RandomSource) -> String {
        let digits = Array("0123456789abcdef".utf8)
        let suffix = random.bytes(6).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }
        return "herald.local/audit/" + String(decoding: suffix, as: UTF8.self)
    }

    /// Whether `origin` can name a log (a valid key name and checkpoint origin line).
    public static func isValidOrigin(_ origin: String) -> Bool {
        (try? NoteSignerKey(name: origin, seed: [UInt8](repeating: 1, count: 32))).map { (try? CheckpointSigner(origin: origin, key: $0)) != nil } ?? false
    }

    /// The secret text form; store it only in the secrets file.
    public var encodedPrivateKey: String { signerKey.encodedPrivateKey }

    /// The verifier (public) key in the note-key form `herald audit verify --key` accepts.
    public var verifierKey: String { signerKey.verifierKey.description }

    var noteVerifierKey: NoteVerifierKey { signerKey.verifierKey }
}
