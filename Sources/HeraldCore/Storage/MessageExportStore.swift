/// Storage port for approved message exports (created by the approval of a `messages.export` proposal).
public protocol MessageExportStore: Sendable {
    func messageExport(_ id: ProposalID) async throws -> MessageExport?
    /// Exports newest first, at most `limit`.
    func messageExports(limit: Int) async throws -> [MessageExport]
    /// Marks an export downloaded by `actor` if it was not yet and has not expired, storing `audit` in the same
    /// transaction; `false` (storing nothing) otherwise.
    func claimMessageExport(_ id: ProposalID, by actor: String, at time: Timestamp, audit: [AuditEvent]) async throws -> Bool
}
