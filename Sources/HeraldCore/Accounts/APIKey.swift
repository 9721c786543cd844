/// The kind tag for API key identifiers (`key_…`).
public enum APIKeyKind: IdentifierKind { public static let prefix = "key" }
public typealias APIKeyID = Identifier<APIKeyKind>

/// A stored API key: only a hash of its secret is kept.
public struct APIKey: Sendable, Equatable, Codable {
    public var id: APIKeyID
    public var accountID: AccountID
    public var name: String
    /// SHA-256 of the full key text, hex encoded.
    public var secretHash: String
    public var createdAt: Timestamp
    public var revokedAt: Timestamp?

    public init(id: APIKeyID, accountID: AccountID, name: String, secretHash: String, createdAt: Timestamp, revokedAt: Timestamp? = nil) {
        self.id = id
        self.accountID = accountID
        self.name = name
        self.secretHash = secretHash
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
