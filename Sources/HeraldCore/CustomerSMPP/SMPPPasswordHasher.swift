import Crypto
import CryptoExtras
import Foundation

/// Stores SMPP passwords as salted PBKDF2-HMAC-SHA256 hashes and checks presented passwords against them.
///
/// SMPP 3.4 passwords have at most 8 characters, far less entropy than an API key, so a fast hash would not
/// do: a leaked database must not give the passwords away. The stored form names its parameters, so the
/// cost can be raised later without invalidating existing hashes:
/// `pbkdf2-sha256$<rounds>$<base64 salt>$<base64 hash>`.
///
/// ```swift
/// let hasher = SMPPPasswordHasher()
/// let stored = try hasher.hash("s3cret", random: SystemRandomSource())
/// hasher.verify("s3cret", against: stored)   // true
/// ```
public struct SMPPPasswordHasher: Sendable {
    /// PBKDF2 rounds for new hashes (the OWASP figure for PBKDF2-HMAC-SHA256).
    public let rounds: Int
    static let scheme = "pbkdf2-sha256"
    static let saltBytes = 16
    static let hashBytes = 32

    public init(rounds: Int = 210_000) {
        self.rounds = max(1, rounds)
    }

    /// A new stored hash of `password` with a fresh salt.
    public func hash(_ password: String, random: any RandomSource) throws -> String {
        let salt = random.bytes(Self.saltBytes)
        let derived = try Self.derive(password, salt: salt, rounds: rounds)
        return [Self.scheme, String(rounds), Data(salt).base64EncodedString(), Data(derived).base64EncodedString()].joined(separator: "$")
    }

    /// Whether `password` matches `stored` (constant-time comparison). A malformed stored value matches nothing.
    public func verify(_ password: String, against stored: String) -> Bool {
        let pieces = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard pieces.count == 4, pieces[0] == Self.scheme, let storedRounds = Int(pieces[1]), storedRounds >= 1,
              let salt = Data(base64Encoded: String(pieces[2])), let expected = Data(base64Encoded: String(pieces[3])),
              let derived = try? Self.derive(password, salt: Array(salt), rounds: storedRounds) else { return false }
        return SecretHashing.constantTimeEquals(derived, Array(expected))
    }

    static func derive(_ password: String, salt: [UInt8], rounds: Int) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: salt, using: .sha256, outputByteCount: hashBytes, unsafeUncheckedRounds: rounds)
        return key.withUnsafeBytes { Array($0) }
    }
}
