/// Where a proposal is in its life: `pending` until a second operator approves or rejects it, it expires,
/// or an approved change to the same thing supersedes it.
public enum ProposalStatus: String, Sendable, Codable, Equatable, CaseIterable {
    case pending
    /// Approved by a second operator; the change took effect in the same transaction.
    case approved
    case rejected
    /// Not decided before its expiry.
    case expired
    /// What it would change was changed by something else first (another approved proposal, or the
    /// state it was prepared against is gone); it can no longer be approved.
    case superseded
}
