/// A page of audit-log entries.
public struct AuditEntryPage: Sendable, Equatable {
    /// The number of entries in the log when the page was read.
    public var treeSize: UInt64
    public var records: [SealedAuditRecord]

    public init(treeSize: UInt64, records: [SealedAuditRecord]) {
        self.treeSize = treeSize
        self.records = records
    }
}
