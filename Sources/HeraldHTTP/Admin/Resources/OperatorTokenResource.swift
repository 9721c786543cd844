import HeraldCore

/// The JSON shape of an operator token; `token` (the full text) only in the answer that issued it.
public struct OperatorTokenResource: Sendable, Equatable, Encodable {
    public var id: String
    public var object = "operator_token"
    public var token: String?
    public var createdAt: Timestamp
    public var expiresAt: Timestamp
    public var revokedAt: Timestamp?

    enum CodingKeys: String, CodingKey {
        case id, object, token
        case createdAt = "created_at"
        case expiresAt = "expires_at"
        case revokedAt = "revoked_at"
    }

    public init(_ token: OperatorToken, text: String? = nil) {
        id = token.id.rawValue
        self.token = text
        createdAt = token.createdAt
        expiresAt = token.expiresAt
        revokedAt = token.revokedAt
    }
}
