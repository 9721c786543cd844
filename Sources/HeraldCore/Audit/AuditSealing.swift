/// What ``AuditSealer/seal(_:after:)`` returns: the records to insert, the head to store with them,
/// and the perfect subtrees the new entries completed (for the store's subtree cache).
public struct AuditSealing: Sendable, Equatable {
    /// One record per event, in order, with indices `head.size …`.
    public var records: [SealedAuditRecord]
    /// Completed subtrees worth caching (may be empty).
    public var subtrees: [AuditSubtreeHash]
    /// The log head after the new entries.
    public var head: AuditLogHead

    public init(records: [SealedAuditRecord], subtrees: [AuditSubtreeHash], head: AuditLogHead) {
        self.records = records
        self.subtrees = subtrees
        self.head = head
    }
}
