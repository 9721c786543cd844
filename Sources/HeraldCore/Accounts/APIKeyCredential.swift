/// The text of an API key as the customer holds it: `hk_<key id>_<secret>`.
///
/// Only ``hash`` is stored; the full text is shown once when the key is issued.
///
/// ```swift
/// let credential = APIKeyCredential.issue(at: clock.now(), random: SystemRandomSource())
/// print(credential.text)   // hk_01jd…_4k2m…
/// ```
public struct APIKeyCredential: Sendable, Equatable {
    public let keyID: APIKeyID
    public let text: String

    /// 160 bits of secret.
    static let secretBytes = 20

    public static func issue(at time: Timestamp, random: any RandomSource) -> APIKeyCredential {
        let id = APIKeyID.generate(at: time, random: random)
        let secret = SecretHashing.randomToken(byteCount: secretBytes, random: random)
        let ulid = id.rawValue.dropFirst(APIKeyKind.prefix.count + 1)
        return APIKeyCredential(keyID: id, text: "hk_\(ulid)_\(secret)")
    }

    /// Parses presented key text; `nil` when it is not shaped like a Herald API key.
    public init?(text: String) {
        let pieces = text.split(separator: "_", omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0] == "hk", pieces[2].count >= 16, pieces[2].count <= 64,
              let id = APIKeyID("key_" + pieces[1]) else { return nil }
        self.keyID = id
        self.text = text
    }

    private init(keyID: APIKeyID, text: String) {
        self.keyID = keyID
        self.text = text
    }

    /// What is stored: SHA-256 hex of the full text (the secret has 160 bits of entropy, so a fast hash is fine).
    public var hash: String { SecretHashing.sha256Hex(text) }

    /// Checks this credential against a stored key in constant time.
    public func matches(_ key: APIKey) -> Bool {
        key.id == keyID && SecretHashing.constantTimeEquals(hash, key.secretHash)
    }
}
