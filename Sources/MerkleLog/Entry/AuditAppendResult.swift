/// The outcome of ``AuditLogWriter/append(_:to:)``.
public struct AuditAppendResult: Sendable, Hashable {
    /// The signed, chained entry to store.
    public let envelope: AuditEnvelope
    /// Its RFC 9162 leaf hash (store it: proofs are served from leaf hashes).
    public let leafHash: MerkleHash
    /// The state after the append.
    public let state: AuditLogState
    /// Perfect subtrees this append completed (see ``AuditLogWriter/reportSubtreesFromLevel``).
    public let completedSubtrees: [SubtreeHash]
}
