import Foundation
import HeraldAuditLog
import HeraldCore

/// Keys Herald generates on first start and keeps in `<data_directory>/secrets.json` (mode 0600), outside
/// the database: someone who can rewrite the database cannot use them.
///
/// Every node of a cluster must use the same file (point `HERALD_SECRETS_FILE` at it): verification code
/// hashes and number pseudonyms are keyed with these secrets, and the audit log is signed with its key.
/// A file written by an older version gains the keys it lacks on the next start.
public struct ServerSecrets: Codable, Sendable, Equatable {
    /// Key of the keyed hash that pseudonymises phone numbers in logs and metrics.
    public var pseudonymKey: String
    /// Key of the HMAC under which verification codes are stored.
    public var verificationKey: String
    /// The audit log's Ed25519 signing key in signed-note form, `PRIVATE+KEY+<origin>+<key id>+<base64>`;
    /// its name is the log's origin.
    public var auditLogKey: String?

    enum CodingKeys: String, CodingKey {
        case pseudonymKey = "pseudonym_key"
        case verificationKey = "verification_key"
        case auditLogKey = "audit_log_key"
    }

    public static func generate(random: any RandomSource, auditOrigin: String? = nil) throws -> ServerSecrets {
        var secrets = ServerSecrets(
            pseudonymKey: Data(random.bytes(32)).base64EncodedString(),
            verificationKey: Data(random.bytes(32)).base64EncodedString())
        try secrets.fillMissing(random: random, auditOrigin: auditOrigin)
        return secrets
    }

    /// Where a node with this data directory keeps its secrets: `HERALD_SECRETS_FILE`, else `<data_directory>/secrets.json`.
    public static func path(dataDirectory: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        environment["HERALD_SECRETS_FILE"] ?? (dataDirectory as NSString).appendingPathComponent("secrets.json")
    }

    public var pseudonymKeyBytes: [UInt8] { Array(Data(base64Encoded: pseudonymKey) ?? Data()) }
    public var verificationKeyBytes: [UInt8] { Array(Data(base64Encoded: verificationKey) ?? Data()) }

    /// The audit log's identity (origin and signing key).
    public func auditLogIdentity() throws -> AuditLogIdentity {
        guard let auditLogKey else { throw ConfigurationError("the secrets file has no 'audit_log_key'") }
        do {
            return try AuditLogIdentity(encodedPrivateKey: auditLogKey)
        } catch let error as HeraldError {
            throw ConfigurationError("secrets file: 'audit_log_key' is not valid: \(error.message)")
        }
    }

    /// Adds the keys a file of an older version lacks; returns whether anything was added.
    @discardableResult
    mutating func fillMissing(random: any RandomSource, auditOrigin: String?) throws -> Bool {
        var changed = false
        if auditLogKey == nil {
            let origin = auditOrigin ?? AuditLogIdentity.generatedOrigin(random: random)
            auditLogKey = try AuditLogIdentity.generate(origin: origin, seed: random.bytes(32)).encodedPrivateKey
            changed = true
        }
        return changed
    }

    /// Loads the file, or creates it with fresh keys when it does not exist; adds missing keys to an old file.
    ///
    /// - Parameter auditOrigin: the audit log's origin when its key is generated (`audit.origin`); when the
    ///   file already holds a key for another origin, loading fails (a log's origin never changes).
    public static func loadOrCreate(at path: String, random: any RandomSource, auditOrigin: String? = nil) throws -> ServerSecrets {
        let manager = FileManager.default
        if let data = manager.contents(atPath: path) {
            var secrets: ServerSecrets
            do {
                secrets = try JSONDecoder().decode(ServerSecrets.self, from: data)
            } catch {
                throw ConfigurationError("secrets file '\(path)' is not valid: \(error)")
            }
            guard secrets.pseudonymKeyBytes.count >= 16, secrets.verificationKeyBytes.count >= 16 else {
                throw ConfigurationError("secrets file '\(path)' must hold base64 keys of at least 16 bytes")
            }
            if try secrets.fillMissing(random: random, auditOrigin: auditOrigin) { try write(secrets, to: path) }
            let identity = try secrets.auditLogIdentity()
            if let auditOrigin, auditOrigin != identity.origin {
                throw ConfigurationError(
                    "'audit.origin' is '\(auditOrigin)' but the audit log key in '\(path)' is for '\(identity.origin)'; a log's origin cannot change (remove 'audit.origin' or set it to '\(identity.origin)')")
            }
            return secrets
        }
        let secrets = try generate(random: random, auditOrigin: auditOrigin)
        try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try write(secrets, to: path)
        return secrets
    }

    /// Writes the file with mode 0600, replacing it atomically.
    private static func write(_ secrets: ServerSecrets, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let temporary = path + ".tmp-\(getpid())"
        let manager = FileManager.default
        guard manager.createFile(atPath: temporary, contents: try encoder.encode(secrets), attributes: [.posixPermissions: 0o600]) else {
            throw ConfigurationError("cannot write secrets file '\(path)'")
        }
        guard rename(temporary, path) == 0 else {
            try? manager.removeItem(atPath: temporary)
            throw ConfigurationError("cannot write secrets file '\(path)'")
        }
    }
}
