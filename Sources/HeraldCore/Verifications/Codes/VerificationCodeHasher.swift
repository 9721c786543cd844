import Crypto
import Foundation

/// Turns a code into what is stored: HMAC-SHA256 under a server secret, bound to the verification and to
/// the send that carried the code, so a stolen database reveals no code and a hash cannot be moved to
/// another verification or replayed after a resend. Checks compare in constant time.
///
/// ```swift
/// let hasher = try VerificationCodeHasher(key: secrets.verificationKeyBytes)
/// let stored = hasher.hash(code: "042917", verificationID: id, send: 1)
/// hasher.matches(code: input, hash: stored, verificationID: id, send: 1)
/// ```
public struct VerificationCodeHasher: Sendable {
    private let key: SymmetricKey

    /// - Throws: when the key is shorter than 16 bytes.
    public init(key: [UInt8]) throws {
        guard key.count >= 16 else {
            throw HeraldError(.internal, code: "verification_key_too_short", "the verification key must have at least 16 bytes")
        }
        self.key = SymmetricKey(data: key)
    }

    /// `v1:` and the hex HMAC of `herald-verification-v1 ‖ 0 ‖ id ‖ 0 ‖ send ‖ 0 ‖ code`.
    public func hash(code: String, verificationID: VerificationID, send: Int) -> String {
        "v1:" + SecretHashing.hex(mac(code: code, verificationID: verificationID, send: send))
    }

    /// True when `code` is the one `hash` was made from; the comparison takes the same time for every wrong code.
    public func matches(code: String, hash: String, verificationID: VerificationID, send: Int) -> Bool {
        let candidate = Array(self.hash(code: code, verificationID: verificationID, send: send).utf8)
        return SecretHashing.constantTimeEquals(candidate, Array(hash.utf8))
    }

    private func mac(code: String, verificationID: VerificationID, send: Int) -> HashedAuthenticationCode<SHA256> {
        var message = Data("herald-verification-v1".utf8)
        message.append(0)
        message.append(contentsOf: Array(verificationID.rawValue.utf8))
        message.append(0)
        message.append(contentsOf: Array(String(send).utf8))
        message.append(0)
        message.append(contentsOf: Array(code.utf8))
        return HMAC<SHA256>.authenticationCode(for: message, using: key)
    }
}
