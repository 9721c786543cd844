/// An inclusion proof: the audit path (32-byte hashes, bottom-up) of one entry in a tree size.
public struct AuditInclusionProof: Sendable, Equatable {
    public var leafIndex: UInt64
    public var treeSize: UInt64
    /// The entry's leaf hash, as stored.
    public var leafHash: [UInt8]
    public var hashes: [[UInt8]]

    public init(leafIndex: UInt64, treeSize: UInt64, leafHash: [UInt8], hashes: [[UInt8]]) {
        self.leafIndex = leafIndex
        self.treeSize = treeSize
        self.leafHash = leafHash
        self.hashes = hashes
    }
}
