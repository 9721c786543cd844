/// The kind tag for operator token identifiers (`otk_…`).
public enum OperatorTokenKind: IdentifierKind { public static let prefix = "otk" }
public typealias OperatorTokenID = Identifier<OperatorTokenKind>

/// A stored operator token: only a hash of its text is kept. A token ends at ``expiresAt`` or when revoked,
/// whichever comes first; disabling the operator ends all of them.
public struct OperatorToken: Sendable, Equatable, Codable {
    public var id: OperatorTokenID
    public var operatorID: OperatorID
    /// SHA-256 of the full token text, hex encoded.
    public var secretHash: String
    public var createdAt: Timestamp
    public var expiresAt: Timestamp
    public var revokedAt: Timestamp?

    public init(id: OperatorTokenID, operatorID: OperatorID, secretHash: String, createdAt: Timestamp, expiresAt: Timestamp, revokedAt: Timestamp? = nil) {
        self.id = id
        self.operatorID = operatorID
        self.secretHash = secretHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// Usable at `time`: not revoked and not expired.
    public func isValid(at time: Timestamp) -> Bool {
        revokedAt == nil && time < expiresAt
    }
}
