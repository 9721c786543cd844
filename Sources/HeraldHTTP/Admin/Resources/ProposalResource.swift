import HeraldCore

/// The admin API's JSON shape of a proposal: what it changes (secrets redacted), its digest, who proposed
/// it and, once decided, who decided and how.
public struct ProposalResource: Sendable, Encodable {
    public var id: String
    public var object = "proposal"
    public var kind: String
    public var target: String
    public var status: ProposalStatus
    public var digest: String
    public var change: ProposalChangeResource
    public var note: String?
    public var proposedBy: String
    public var createdAt: Timestamp
    public var expiresAt: Timestamp
    public var decidedBy: String?
    public var decidedAt: Timestamp?
    public var decisionNote: String?

    enum CodingKeys: String, CodingKey {
        case id, object, kind, target, status, digest, change, note
        case proposedBy = "proposed_by"
        case createdAt = "created_at"
        case expiresAt = "expires_at"
        case decidedBy = "decided_by"
        case decidedAt = "decided_at"
        case decisionNote = "decision_note"
    }

    public init(_ proposal: Proposal) {
        id = proposal.id.rawValue
        kind = proposal.kind
        target = proposal.change.target
        status = proposal.status
        digest = proposal.digest
        change = ProposalChangeResource(proposal.change)
        note = proposal.note
        proposedBy = proposal.proposedBy
        createdAt = proposal.createdAt
        expiresAt = proposal.expiresAt
        decidedBy = proposal.decidedBy
        decidedAt = proposal.decidedAt
        decisionNote = proposal.decisionNote
    }
}
