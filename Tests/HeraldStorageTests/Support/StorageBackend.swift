import HeraldCore

/// One opened store under test, plus what the contract suite needs beyond the port: reading the audit table
/// (which the port only writes) and reopening the same data.
protocol StorageBackend: Sendable {
    var store: any HeraldStore { get }
    /// Every stored audit event, in sequence order.
    func auditEvents() async throws -> [AuditEvent]
    /// Closes this store and opens a new one over the same data.
    func reopened() async throws -> any StorageBackend
    /// Closes the store and removes its data. Never throws: used in clean-up.
    func destroy() async
}
