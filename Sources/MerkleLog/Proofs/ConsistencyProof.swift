/// An RFC 9162 §2.1.4 consistency proof: the hashes showing that the tree of ``fromSize`` leaves is
/// a prefix of the tree of ``toSize`` leaves (the log only appended).
///
/// Verification follows the RFC's §2.1.4.2 algorithm step by step. The cases the RFC leaves out are
/// decided strictly: equal sizes need an empty proof and equal roots; from size 0 needs an empty
/// proof and the empty-tree root.
///
/// ```swift
/// let proof = try generator.consistencyProof(from: old.size, to: new.size)
/// try proof.verify(fromRoot: old.rootHash, toRoot: new.rootHash)
/// ```
public struct ConsistencyProof: Sendable, Hashable, Codable {
    /// The size of the older tree.
    public var fromSize: UInt64
    /// The size of the newer tree.
    public var toSize: UInt64
    /// The consistency path.
    public var hashes: [MerkleHash]

    /// Creates a proof from its parts.
    public init(fromSize: UInt64, toSize: UInt64, hashes: [MerkleHash]) {
        self.fromSize = fromSize
        self.toSize = toSize
        self.hashes = hashes
    }

    /// Throws unless the proof shows the tree with root `fromRoot` is a prefix of the tree with root `toRoot`.
    public func verify(fromRoot: MerkleHash, toRoot: MerkleHash) throws(MerkleLogError) {
        func fail(_ why: String) -> MerkleLogError {
            MerkleLogError(.invalidProof, "consistency proof from size \(fromSize) to \(toSize): \(why)")
        }
        guard fromSize <= toSize else { throw fail("the first size exceeds the second") }
        if fromSize == toSize {
            guard hashes.isEmpty else { throw fail("equal sizes need an empty proof") }
            guard fromRoot == toRoot else { throw fail("equal sizes but different roots") }
            return
        }
        if fromSize == 0 {
            guard hashes.isEmpty else { throw fail("a proof from the empty tree must be empty") }
            guard fromRoot == TreeHasher.emptyRoot else { throw fail("the root of size 0 is not the empty-tree root") }
            return
        }
        // Step 1.
        guard !hashes.isEmpty else { throw fail("the proof is empty") }
        // Step 2.
        var path = hashes
        if TreeMath.isPowerOfTwo(fromSize) {
            path.insert(fromRoot, at: 0)
        }
        // Step 3.
        var fn = fromSize - 1
        var sn = toSize - 1
        // Step 4.
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        // Step 5.
        var fr = path[0]
        var sr = path[0]
        // Step 6.
        for c in path.dropFirst() {
            guard sn != 0 else { throw fail("the proof is too long") }
            if fn & 1 == 1 || fn == sn {
                fr = TreeHasher.nodeHash(c, fr)
                sr = TreeHasher.nodeHash(c, sr)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                sr = TreeHasher.nodeHash(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        // Step 7.
        guard sn == 0 else { throw fail("the proof is too short") }
        guard fr == fromRoot else { throw fail("it does not yield the first root") }
        guard sr == toRoot else { throw fail("it does not yield the second root") }
    }

    /// Whether the proof verifies.
    public func isValid(fromRoot: MerkleHash, toRoot: MerkleHash) -> Bool {
        (try? verify(fromRoot: fromRoot, toRoot: toRoot)) != nil
    }
}
