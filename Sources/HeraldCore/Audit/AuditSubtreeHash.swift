/// The hash of a perfect subtree of the audit log's Merkle tree: height `level` (0 = one leaf), covering
/// leaves `index << level ..< (index + 1) << level`.
///
/// Such subtrees never change once complete; stores keep the large ones so that proofs need O(log n)
/// look-ups instead of reading every leaf below them.
public struct AuditSubtreeHash: Sendable, Equatable {
    public var key: AuditSubtreeKey
    /// 32 bytes.
    public var hash: [UInt8]

    public init(key: AuditSubtreeKey, hash: [UInt8]) {
        self.key = key
        self.hash = hash
    }
}
