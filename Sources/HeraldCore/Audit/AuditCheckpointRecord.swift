/// A signed checkpoint of the audit log as stored: the tree size and root it commits to, when it was
/// issued, and the signed note itself (C2SP checkpoint text, what auditors keep).
public struct AuditCheckpointRecord: Sendable, Equatable {
    public var size: UInt64
    /// The RFC 9162 root hash of the first `size` entries (32 bytes).
    public var rootHash: [UInt8]
    public var issuedAt: Timestamp
    /// The complete signed note.
    public var note: String

    public init(size: UInt64, rootHash: [UInt8], issuedAt: Timestamp, note: String) {
        self.size = size
        self.rootHash = rootHash
        self.issuedAt = issuedAt
        self.note = note
    }
}
