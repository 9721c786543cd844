import HeraldCore
import Hummingbird

/// Reads the `Idempotency-Key` header and fingerprints the request it came with.
///
/// The fingerprint is the SHA-256 (hex) of the method, a space, the path, a line feed and the raw body, so
/// a key reused for another endpoint or other parameters is refused with `idempotency_key_reused`.
public enum IdempotencyFingerprint {
    /// The idempotency data of a request; `nil` when it carries no `Idempotency-Key`. Key validity
    /// (length) is checked by ``HeraldCore/MessageService``.
    public static func context(for request: Request, body: [UInt8]) -> MessageService.IdempotencyContext? {
        guard let key = request.headers[.idempotencyKey] else { return nil }
        return MessageService.IdempotencyContext(key: key, fingerprint: fingerprint(method: request.method.rawValue, path: request.uri.path, body: body))
    }

    public static func fingerprint(method: String, path: String, body: [UInt8]) -> String {
        SecretHashing.sha256Hex(bytes: Array("\(method) \(path)\n".utf8) + body)
    }
}
