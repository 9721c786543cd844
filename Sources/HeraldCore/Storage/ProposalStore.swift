/// Storage port for proposals (the two-person rule). An approval flips the proposal's status and applies
/// its change in one transaction, with the audit events of both, so a change never takes effect without
/// its approval on record (or the reverse).
public protocol ProposalStore: Sendable {
    func insertProposal(_ proposal: Proposal, audit: [AuditEvent]) async throws
    func proposal(_ id: ProposalID) async throws -> Proposal?
    /// Proposals newest first, only those with `status` when given, at most `limit`.
    func proposals(status: ProposalStatus?, limit: Int) async throws -> [Proposal]
    /// Pending proposals whose expiry passed by `time`, oldest first, at most `limit`.
    func expiredPendingProposals(at time: Timestamp, limit: Int) async throws -> [Proposal]

    /// Approves a pending proposal and applies its change, in one transaction. In that transaction, in order:
    /// an unknown id is ``ProposalApprovalOutcome/notFound``; a decided proposal ``ProposalApprovalOutcome/notPending``;
    /// an approval by its proposer ``ProposalApprovalOutcome/selfApproval``; an expired one is marked `expired`;
    /// one whose base state changed (routes version, link revision, limits, SMPP window/TPS, retention revision) is marked
    /// `superseded` and is ``ProposalApprovalOutcome/stale``. Otherwise the status flips to `approved`
    /// (`WHERE status = 'pending' AND proposed_by <> approver`), the change is applied, other pending proposals
    /// with the same target are superseded, and the outcome is ``ProposalApprovalOutcome/approved(_:superseded:)``.
    ///
    /// - Parameter audit: The events to store for the outcome, in the same transaction (denials included).
    func approveProposal(
        _ id: ProposalID, approver: String, at time: Timestamp, audit: @escaping @Sendable (ProposalApprovalOutcome) -> [AuditEvent]
    ) async throws -> ProposalApprovalOutcome

    /// Closes a pending proposal as `rejected`, `expired` or `superseded`; `false` (storing nothing) when it is
    /// not pending (or unknown).
    func closeProposal(
        _ id: ProposalID, as status: ProposalStatus, by actor: String, at time: Timestamp, note: String?, audit: [AuditEvent]
    ) async throws -> Bool
}

/// What ``ProposalStore/approveProposal(_:approver:at:audit:)`` found and did.
public enum ProposalApprovalOutcome: Sendable, Equatable {
    /// Approved and applied; `superseded` lists the other pending proposals it made stale.
    case approved(Proposal, superseded: [ProposalID])
    case notFound
    /// Already approved, rejected, expired or superseded: nothing changed.
    case notPending(Proposal)
    /// The approver proposed it: nothing changed.
    case selfApproval(Proposal)
    /// Past its expiry: now marked `expired`.
    case expired(Proposal)
    /// What it was prepared against changed: now marked `superseded`.
    case stale(Proposal, reason: String)
}
