/// The kind tag for fraud block identifiers (`fbk_…`).
public enum FraudBlockKind: IdentifierKind { public static let prefix = "fbk" }
public typealias FraudBlockID = Identifier<FraudBlockKind>

/// A number range the fraud guard closed to verifications for a while, after it saw SMS pumping there.
///
/// Blocks are stored, so they outlive restarts and every node sees them. A block either covers one
/// account (``accountID`` set) or every account (`nil`, when the pattern showed across accounts).
public struct FraudBlock: Sendable, Equatable, Codable {
    public var id: FraudBlockID
    /// The account whose traffic is blocked, or `nil` for every account.
    public var accountID: AccountID?
    /// E.164 digits of the range (see ``FraudTarget/prefix``).
    public var prefix: String
    /// `mcc-mnc` when the block is limited to one network inside the range.
    public var network: String?
    public var regionCode: String
    /// 1 for a first block of this range and scope, +1 for every earlier one within the look-back.
    public var level: Int
    public var reason: String
    public var evidence: FraudEvidence
    public var createdAt: Timestamp
    public var expiresAt: Timestamp
    /// Set when an operator lifted the block early.
    public var liftedAt: Timestamp?
    public var liftedBy: String?

    public init(
        id: FraudBlockID, accountID: AccountID?, prefix: String, network: String?, regionCode: String, level: Int, reason: String,
        evidence: FraudEvidence, createdAt: Timestamp, expiresAt: Timestamp, liftedAt: Timestamp? = nil, liftedBy: String? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.prefix = prefix
        self.network = network
        self.regionCode = regionCode
        self.level = level
        self.reason = reason
        self.evidence = evidence
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.liftedAt = liftedAt
        self.liftedBy = liftedBy
    }

    public func isActive(at time: Timestamp) -> Bool { liftedAt == nil && expiresAt > time }

    /// True when this block applies to a send by `accountID` to `target`.
    public func covers(_ target: FraudTarget, accountID: AccountID) -> Bool {
        guard target.prefix == prefix else { return false }
        if let network, network != target.network { return false }
        if let blocked = self.accountID, blocked != accountID { return false }
        return true
    }

    /// True when `other` is a block of the same range, network and scope (for escalation).
    func sameScope(as other: FraudBlock) -> Bool {
        prefix == other.prefix && network == other.network && accountID == other.accountID
    }
}
