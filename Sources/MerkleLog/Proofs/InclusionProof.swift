/// An RFC 9162 §2.1.3 inclusion proof: the audit path showing that the leaf at ``leafIndex`` is in
/// the tree of ``treeSize`` leaves.
///
/// Verification follows the RFC's §2.1.3.2 algorithm step by step.
///
/// ```swift
/// let proof = try generator.inclusionProof(leafIndex: 5, treeSize: head.size)
/// try proof.verify(leafHash: envelope.leafHash, rootHash: head.rootHash)
/// ```
public struct InclusionProof: Sendable, Hashable, Codable {
    /// The index of the proved leaf.
    public var leafIndex: UInt64
    /// The size of the tree the proof is for.
    public var treeSize: UInt64
    /// The audit path, bottom-up.
    public var hashes: [MerkleHash]

    /// Creates a proof from its parts.
    public init(leafIndex: UInt64, treeSize: UInt64, hashes: [MerkleHash]) {
        self.leafIndex = leafIndex
        self.treeSize = treeSize
        self.hashes = hashes
    }

    /// The root hash this proof yields for `leafHash` (RFC 9162 §2.1.3.2 steps 1–4 and the `sn == 0` check).
    public func rootHash(forLeafHash leafHash: MerkleHash) throws(MerkleLogError) -> MerkleHash {
        guard leafIndex < treeSize else {
            throw MerkleLogError(.invalidProof, "leaf index \(leafIndex) is not below tree size \(treeSize)")
        }
        var fn = leafIndex
        var sn = treeSize - 1
        var r = leafHash
        for p in hashes {
            guard sn != 0 else {
                throw MerkleLogError(.invalidProof, "inclusion proof for leaf \(leafIndex) in tree \(treeSize) is too long")
            }
            if fn & 1 == 1 || fn == sn {
                r = TreeHasher.nodeHash(p, r)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                r = TreeHasher.nodeHash(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else {
            throw MerkleLogError(.invalidProof, "inclusion proof for leaf \(leafIndex) in tree \(treeSize) is too short")
        }
        return r
    }

    /// Throws unless the proof shows `leafHash` at ``leafIndex`` in the tree with root `rootHash`.
    public func verify(leafHash: MerkleHash, rootHash: MerkleHash) throws(MerkleLogError) {
        let computed = try self.rootHash(forLeafHash: leafHash)
        guard computed == rootHash else {
            throw MerkleLogError(
                .invalidProof,
                "inclusion proof for leaf \(leafIndex) yields root \(computed.base64), not \(rootHash.base64)"
            )
        }
    }

    /// Whether the proof verifies.
    public func isValid(leafHash: MerkleHash, rootHash: MerkleHash) -> Bool {
        (try? verify(leafHash: leafHash, rootHash: rootHash)) != nil
    }
}
