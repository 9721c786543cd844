/// Storage port for the retention settings operators approved (changed only through
/// ``ProposalStore/approveProposal(_:approver:at:audit:)``).
public protocol RetentionStore: Sendable {
    /// The approved settings, or `nil` while the configuration file's apply.
    func retentionRecord() async throws -> RetentionRecord?
}
