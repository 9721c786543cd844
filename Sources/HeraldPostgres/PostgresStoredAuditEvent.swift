import HeraldCore

/// An audit event as stored by ``PostgresHeraldStore``, with its position in the audit sequence.
public struct PostgresStoredAuditEvent: Sendable, Equatable {
    /// The event's position in the order of recording, from 1: entry *i* of the sealed audit log has
    /// sequence *i* + 1; events still queued unsealed (a store without a sealer) follow the sealed ones.
    public var sequence: Int64
    public var event: AuditEvent

    public init(sequence: Int64, event: AuditEvent) {
        self.sequence = sequence
        self.event = event
    }
}
