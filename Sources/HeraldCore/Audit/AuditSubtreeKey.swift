/// Names a perfect subtree of the audit log's Merkle tree: height `level`, position `index` among the
/// subtrees of that height (it covers leaves `index << level ..< (index + 1) << level`).
public struct AuditSubtreeKey: Sendable, Hashable {
    public var level: Int
    public var index: UInt64

    public init(level: Int, index: UInt64) {
        self.level = level
        self.index = index
    }
}
