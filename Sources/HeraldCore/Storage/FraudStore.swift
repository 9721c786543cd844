/// Storage port for the fraud guard: range blocks (so they outlive restarts and reach every node) and the
/// accounts' safe lists. Every write takes the audit events that record it, stored in the same transaction.
public protocol FraudStore: Sendable {
    func insertFraudBlock(_ block: FraudBlock, audit: [AuditEvent]) async throws
    /// Blocks created at or after `time` (active, expired and lifted: the history escalation needs), oldest first.
    func fraudBlocks(createdSince time: Timestamp) async throws -> [FraudBlock]
    /// Marks a block lifted; `false` when there is no such block or it was already lifted.
    func liftFraudBlock(_ id: FraudBlockID, at time: Timestamp, by actor: String, audit: [AuditEvent]) async throws -> Bool

    /// The account's safe list, in insertion order.
    func safeListEntries(accountID: AccountID) async throws -> [SafeListEntry]
    /// Adds an entry, or replaces the note of the same value.
    func upsertSafeListEntry(_ entry: SafeListEntry, audit: [AuditEvent]) async throws
    /// Removes an entry; `false` when the account had no such entry.
    func deleteSafeListEntry(accountID: AccountID, value: String, audit: [AuditEvent]) async throws -> Bool
}
