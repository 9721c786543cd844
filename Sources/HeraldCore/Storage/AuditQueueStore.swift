/// Storage port for audit events written on their own (a denied request, a security event), outside any
/// other change. Events that record a change are passed to that change's store method instead.
public protocol AuditQueueStore: Sendable {
    func appendAudit(_ events: [AuditEvent]) async throws
}
