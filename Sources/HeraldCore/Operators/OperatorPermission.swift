/// One thing an admin API route requires; ``OperatorRole/permissions`` says which roles grant it.
public enum OperatorPermission: String, Sendable, Codable, Equatable, CaseIterable {
    /// Read-only admin routes: accounts (with their SMPP access and numbers), routes and their dry run, carrier
    /// links, retention, proposals, exports.
    case viewAdministration = "view_administration"
    /// Non-sensitive writes: create, suspend and reactivate accounts, issue and revoke API keys, lift fraud blocks,
    /// set SMPP credentials and bind limits, withdraw SMPP access, assign and unassign numbers.
    case supportAccounts = "support_accounts"
    /// Propose sensitive changes (routes, carrier links, limit and SMPP throughput raises, retention, exports),
    /// apply limit and throughput decreases, set geo permissions and the addresses SMPP binds are accepted from.
    case changeSettings = "change_settings"
    /// Approve or reject another operator's proposal.
    case decideProposals = "decide_proposals"
    /// Create, list and disable operators.
    case manageOperators = "manage_operators"
    /// Read the tamper-evident audit log (the auditor role only).
    case readAuditLog = "read_audit_log"
}
