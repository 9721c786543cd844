/// The text of an operator token as the operator holds it: `ho_<token id>_<secret>`.
///
/// Only ``hash`` is stored; the full text is shown once when the token is issued. The `ho_` prefix keeps
/// operator tokens and customer API keys (`hk_…`) apart: each is refused where the other is expected.
///
/// ```swift
/// let credential = OperatorTokenCredential.issue(at: clock.now(), random: SystemRandomSource())
/// print(credential.text)   // ho_01jd…_7q3m…
/// ```
public struct OperatorTokenCredential: Sendable, Equatable {
    public let tokenID: OperatorTokenID
    public let text: String

    /// 160 bits of secret.
    static let secretBytes = 20
    /// The prefix of every operator token.
    public static let prefix = "ho_"

    public static func issue(at time: Timestamp, random: any RandomSource) -> OperatorTokenCredential {
        let id = OperatorTokenID.generate(at: time, random: random)
        let secret = SecretHashing.randomToken(byteCount: secretBytes, random: random)
        let ulid = id.rawValue.dropFirst(OperatorTokenKind.prefix.count + 1)
        return OperatorTokenCredential(tokenID: id, text: "ho_\(ulid)_\(secret)")
    }

    /// Parses presented token text; `nil` when it is not shaped like a Herald operator token.
    public init?(text: String) {
        let pieces = text.split(separator: "_", omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0] == "ho", pieces[2].count >= 16, pieces[2].count <= 64,
              let id = OperatorTokenID("otk_" + pieces[1]) else { return nil }
        self.tokenID = id
        self.text = text
    }

    private init(tokenID: OperatorTokenID, text: String) {
        self.tokenID = tokenID
        self.text = text
    }

    /// What is stored: SHA-256 hex of the full text (160 bits of entropy, so a fast hash is fine).
    public var hash: String { SecretHashing.sha256Hex(text) }

    /// Checks this credential against a stored token in constant time.
    public func matches(_ token: OperatorToken) -> Bool {
        token.id == tokenID && SecretHashing.constantTimeEquals(hash, token.secretHash)
    }
}
