import HeraldCore

/// The public JSON shape of a fraud block.
public struct FraudBlockResource: Sendable, Equatable, Encodable {
    public var id: String
    public var object = "fraud_block"
    /// `account` (this account only) or `all_accounts`.
    public var scope: String
    public var prefix: String
    public var network: String?
    public var country: String
    public var level: Int
    public var reason: String
    public var evidence: FraudEvidence
    public var createdAt: Timestamp
    public var expiresAt: Timestamp

    enum CodingKeys: String, CodingKey {
        case id, object, scope, prefix, network, country, level, reason, evidence
        case createdAt = "created_at"
        case expiresAt = "expires_at"
    }

    public init(_ block: FraudBlock) {
        id = block.id.rawValue
        scope = block.accountID == nil ? "all_accounts" : "account"
        prefix = "+" + block.prefix
        network = block.network
        country = block.regionCode
        level = block.level
        reason = block.reason
        evidence = block.evidence
        createdAt = block.createdAt
        expiresAt = block.expiresAt
    }
}
