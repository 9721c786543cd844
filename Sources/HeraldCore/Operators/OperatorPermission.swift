/// One thing an admin API route requires; ``OperatorRole/permissions`` says which roles grant it.
public enum OperatorPermission: String, Sendable, Codable, Equatable, CaseIterable {
    /// Read-only admin routes: accounts, routes and their dry run, carrier links, retention, proposals, exports.
    case viewAdministration = "view_administration"
    /// Non-sensitive writes: create, suspend and reactivate accounts, issue and revoke API keys, lift fraud blocks.
    case supportAccounts = "support_accounts"
    /// Propose sensitive changes (routes, carrier links, limit raises, retention, exports), apply limit
    /// decreases and set geo permissions.
    case changeSettings = "change_settings"
    /// Approve or reject another operator's proposal.
    case decideProposals = "decide_proposals"
    /// Create, list and disable operators.
    case manageOperators = "manage_operators"
    /// Read the tamper-evident audit log (the auditor role only).
    case readAuditLog = "read_audit_log"
}
