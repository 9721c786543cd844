import HeraldCore

/// An audit event as stored, with its position in the audit sequence.
public struct StoredAuditEvent: Sendable, Equatable {
    /// Increases with every stored event and is never reused; in SQLite (one writer) it is also gap-free in
    /// commit order. The audit log consumes events in this order.
    public var sequence: Int64
    public var event: AuditEvent

    public init(sequence: Int64, event: AuditEvent) {
        self.sequence = sequence
        self.event = event
    }
}
