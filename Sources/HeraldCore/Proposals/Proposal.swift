/// The kind tag for proposal identifiers (`prop_…`).
public enum ProposalKind: IdentifierKind { public static let prefix = "prop" }
public typealias ProposalID = Identifier<ProposalKind>

/// A sensitive change waiting for a second operator (the two-person rule): it takes effect only when an
/// operator other than the proposer approves it, in the same transaction as the approval.
///
/// ```swift
/// let proposal = try await proposals.propose(.changeRetention(change), note: "legal hold ended", by: alice.actor)
/// let approved = try await proposals.approve(proposal.id, by: bob)   // alice could not
/// ```
public struct Proposal: Sendable, Equatable, Codable {
    public var id: ProposalID
    public var change: ProposalChange
    /// `sha256:<hex>` of the change as operators see it (``ProposalChange/digestText``); quoted in every
    /// audit event of the proposal, so the log shows that what was approved is what was proposed.
    public var digest: String
    /// Free text from the proposer (why).
    public var note: String?
    /// The proposer as an audit actor (`operator:op_…`, `cli:alice`).
    public var proposedBy: String
    public var status: ProposalStatus
    public var createdAt: Timestamp
    /// After this instant the proposal can no longer be approved (it becomes `expired`).
    public var expiresAt: Timestamp
    /// Who approved, rejected or superseded it (an audit actor), once decided.
    public var decidedBy: String?
    public var decidedAt: Timestamp?
    /// A rejection's reason, or why a proposal was superseded.
    public var decisionNote: String?

    public init(
        id: ProposalID, change: ProposalChange, note: String?, proposedBy: String, status: ProposalStatus = .pending, createdAt: Timestamp,
        expiresAt: Timestamp, decidedBy: String? = nil, decidedAt: Timestamp? = nil, decisionNote: String? = nil
    ) {
        self.id = id
        self.change = change
        self.digest = change.digest
        self.note = note
        self.proposedBy = proposedBy
        self.status = status
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.decisionNote = decisionNote
    }

    /// `routes.replace`, `carrier_link.add`, … (``ProposalChange/kind``).
    public var kind: String { change.kind }

    /// Still pending but past its expiry.
    public func isExpired(at time: Timestamp) -> Bool {
        status == .pending && time >= expiresAt
    }
}
