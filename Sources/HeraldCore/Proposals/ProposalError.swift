/// The errors of the two-person rule, with stable codes (listed in docs/errors.md).
extension HeraldError {
    /// The proposer tried to approve their own proposal.
    public static func selfApproval(_ id: ProposalID) -> HeraldError {
        HeraldError(.forbidden, code: "self_approval", "\(id) was proposed by you; a second, different operator must approve it")
    }

    /// The proposal was already decided.
    public static func proposalNotPending(_ proposal: Proposal) -> HeraldError {
        HeraldError(
            .conflict, code: "proposal_not_pending",
            "\(proposal.id) is \(proposal.status.rawValue)\(proposal.decidedBy.map { " (by \($0))" } ?? ""); only a pending proposal can be decided")
    }

    /// The proposal's expiry passed before a decision.
    public static func proposalExpired(_ proposal: Proposal) -> HeraldError {
        HeraldError(.conflict, code: "proposal_expired", "\(proposal.id) expired at \(proposal.expiresAt.iso8601); propose the change again")
    }

    /// What the proposal was prepared against changed; it can no longer be applied as reviewed.
    public static func proposalStale(_ proposal: Proposal, reason: String) -> HeraldError {
        HeraldError(.conflict, code: "proposal_stale", "\(proposal.id) is stale and was superseded: \(reason); review the current state and propose again")
    }
}
