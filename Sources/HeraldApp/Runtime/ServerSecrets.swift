import Foundation
import HeraldCore

/// Keys Herald generates on first start and keeps in `<data_directory>/secrets.json` (mode 0600).
///
/// Every node of a cluster must use the same file (point `HERALD_SECRETS_FILE` at it): verification code
/// hashes and number pseudonyms are keyed with these secrets.
public struct ServerSecrets: Codable, Sendable, Equatable {
    /// Key of the keyed hash that pseudonymises phone numbers in logs and metrics.
    public var pseudonymKey: String
    /// Key of the HMAC under which verification codes are stored.
    public var verificationKey: String

    enum CodingKeys: String, CodingKey {
        case pseudonymKey = "pseudonym_key"
        case verificationKey = "verification_key"
    }

    public static func generate(random: any RandomSource) -> ServerSecrets {
        ServerSecrets(
            pseudonymKey: Data(random.bytes(32)).base64EncodedString(),
            verificationKey: Data(random.bytes(32)).base64EncodedString())
    }

    public var pseudonymKeyBytes: [UInt8] { Array(Data(base64Encoded: pseudonymKey) ?? Data()) }
    public var verificationKeyBytes: [UInt8] { Array(Data(base64Encoded: verificationKey) ?? Data()) }

    /// Loads the file, or creates it with fresh keys when it does not exist.
    public static func loadOrCreate(at path: String, random: any RandomSource) throws -> ServerSecrets {
        let manager = FileManager.default
        if let data = manager.contents(atPath: path) {
            let secrets: ServerSecrets
            do {
                secrets = try JSONDecoder().decode(ServerSecrets.self, from: data)
            } catch {
                throw ConfigurationError("secrets file '\(path)' is not valid: \(error)")
            }
            guard secrets.pseudonymKeyBytes.count >= 16, secrets.verificationKeyBytes.count >= 16 else {
                throw ConfigurationError("secrets file '\(path)' must hold base64 keys of at least 16 bytes")
            }
            return secrets
        }
        let secrets = generate(random: random)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard manager.createFile(atPath: path, contents: try encoder.encode(secrets), attributes: [.posixPermissions: 0o600]) else {
            throw ConfigurationError("cannot write secrets file '\(path)'")
        }
        return secrets
    }
}
