/// What an audit-bundle export wrote.
public struct AuditExportSummary: Sendable, Equatable {
    /// The tree size of the newest checkpoint in the bundle; the bundle holds entries `0 ..< treeSize`
    /// (or, after a ``checkpointRefusal``, every entry present).
    public var treeSize: UInt64
    public var entryCount: Int
    public var checkpointCount: Int
    /// Entries whose stored form is damaged beyond encoding (e.g. a signature of the wrong length); they
    /// are left out, so a verifier reports them as dropped.
    public var unreadableEntries: [UInt64]
    /// Why the node refused to sign a checkpoint of the stored log (it does not extend the last checkpoint
    /// with validly signed entries: tampering or corruption), or `nil`. The bundle then holds the stored
    /// checkpoints and every entry present, for the verifier to localise the change.
    public var checkpointRefusal: String?

    public init(treeSize: UInt64, entryCount: Int, checkpointCount: Int, unreadableEntries: [UInt64], checkpointRefusal: String? = nil) {
        self.treeSize = treeSize
        self.entryCount = entryCount
        self.checkpointCount = checkpointCount
        self.unreadableEntries = unreadableEntries
        self.checkpointRefusal = checkpointRefusal
    }
}
