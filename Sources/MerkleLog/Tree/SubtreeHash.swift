/// The hash of the perfect subtree of height ``level`` covering leaves `index << level ..< (index + 1) << level`.
public struct SubtreeHash: Sendable, Hashable, Codable {
    /// The height (1 = two leaves).
    public let level: Int
    /// The subtree's position among subtrees of that height.
    public let index: UInt64
    /// The node hash.
    public let hash: MerkleHash

    /// Creates a subtree hash record.
    public init(level: Int, index: UInt64, hash: MerkleHash) {
        self.level = level
        self.index = index
        self.hash = hash
    }
}
