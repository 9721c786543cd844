/// Computes tree heads, inclusion proofs and consistency proofs for any tree size from a
/// ``MerkleHashStore``, following the RFC 9162 §2.1.3.1 (`PATH`) and §2.1.4.1 (`PROOF`/`SUBPROOF`)
/// definitions.
///
/// It reads only the subtrees a proof needs; with a store that caches subtree hashes that is
/// O(log n) reads, without one it reads the leaves below each proof node.
///
/// ```swift
/// let generator = ProofGenerator(store: store)
/// let root = try generator.rootHash(treeSize: 1_000)
/// let inclusion = try generator.inclusionProof(leafIndex: 17, treeSize: 1_000)
/// let consistency = try generator.consistencyProof(from: 600, to: 1_000)
/// ```
public struct ProofGenerator<Store: MerkleHashStore>: Sendable {
    /// The store the hashes come from.
    public let store: Store

    /// Creates a generator reading from `store`.
    public init(store: Store) {
        self.store = store
    }

    /// The RFC 9162 root hash of the first `treeSize` leaves.
    public func rootHash(treeSize: UInt64) throws -> MerkleHash {
        try checkSize(treeSize)
        return treeSize == 0 ? TreeHasher.emptyRoot : try subtreeHash(0..<treeSize)
    }

    /// The inclusion proof (`PATH(m, D[n])`) for leaf `leafIndex` in the tree of `treeSize` leaves.
    public func inclusionProof(leafIndex: UInt64, treeSize: UInt64) throws -> InclusionProof {
        try checkSize(treeSize)
        guard leafIndex < treeSize else {
            throw MerkleLogError(.indexOutOfRange, "leaf \(leafIndex) is not in a tree of size \(treeSize)")
        }
        var hashes: [MerkleHash] = []
        try path(leafIndex, 0..<treeSize, into: &hashes)
        return InclusionProof(leafIndex: leafIndex, treeSize: treeSize, hashes: hashes)
    }

    /// The consistency proof (`PROOF(m, D[n])`) from the tree of `fromSize` leaves to the tree of
    /// `toSize` leaves; empty when `fromSize` is 0 or equals `toSize`.
    public func consistencyProof(from fromSize: UInt64, to toSize: UInt64) throws -> ConsistencyProof {
        try checkSize(toSize)
        guard fromSize <= toSize else {
            throw MerkleLogError(.indexOutOfRange, "cannot prove consistency from size \(fromSize) to smaller size \(toSize)")
        }
        var hashes: [MerkleHash] = []
        if fromSize > 0 && fromSize < toSize {
            try subproof(fromSize, 0..<toSize, complete: true, into: &hashes)
        }
        return ConsistencyProof(fromSize: fromSize, toSize: toSize, hashes: hashes)
    }

    /// The compact range (right frontier) of the first `treeSize` leaves, e.g. to seed an appender.
    public func compactRange(treeSize: UInt64) throws -> CompactRange {
        try checkSize(treeSize)
        var hashes: [MerkleHash] = []
        var start: UInt64 = 0
        for level in stride(from: 63, through: 0, by: -1) where treeSize & (UInt64(1) << level) != 0 {
            hashes.append(try perfectSubtreeHash(level: level, index: start >> level))
            start += UInt64(1) << level
        }
        return try CompactRange(size: treeSize, hashes: hashes)
    }

    // MARK: - RFC 9162 recursions over absolute leaf ranges

    private func checkSize(_ treeSize: UInt64) throws {
        let available = try store.leafCount()
        guard treeSize <= available else {
            throw MerkleLogError(.indexOutOfRange, "tree size \(treeSize) requested but the store holds \(available) leaves")
        }
    }

    /// `MTH(D[range])` for a non-empty range.
    private func subtreeHash(_ range: Range<UInt64>) throws -> MerkleHash {
        let n = range.count
        if TreeMath.isPowerOfTwo(UInt64(n)) && range.lowerBound % UInt64(n) == 0 {
            let level = UInt64(n).trailingZeroBitCount
            return try perfectSubtreeHash(level: level, index: range.lowerBound >> level)
        }
        let k = TreeMath.largestPowerOfTwo(below: UInt64(n))
        let split = range.lowerBound + k
        return TreeHasher.nodeHash(
            try subtreeHash(range.lowerBound..<split),
            try subtreeHash(split..<range.upperBound)
        )
    }

    /// The hash of the aligned perfect subtree of height `level` at `index`.
    private func perfectSubtreeHash(level: Int, index: UInt64) throws -> MerkleHash {
        let cacheLevel = store.minimumCachedLevel
        if level >= cacheLevel, let cached = try store.cachedSubtreeHash(level: level, index: index) {
            return cached
        }
        if level > cacheLevel {
            return TreeHasher.nodeHash(
                try perfectSubtreeHash(level: level - 1, index: index << 1),
                try perfectSubtreeHash(level: level - 1, index: index << 1 | 1)
            )
        }
        let start = index << level
        let count = UInt64(1) << level
        let leaves = try store.leafHashes(in: start..<(start + count))
        guard UInt64(leaves.count) == count else {
            throw MerkleLogError(.storeInconsistent, "asked for \(count) leaf hashes from \(start), got \(leaves.count)")
        }
        return CompactRange(leafHashes: leaves).root
    }

    /// `PATH(m, D[range])`, appending bottom-up.
    private func path(_ m: UInt64, _ range: Range<UInt64>, into hashes: inout [MerkleHash]) throws {
        let n = UInt64(range.count)
        guard n > 1 else { return }
        let split = range.lowerBound + TreeMath.largestPowerOfTwo(below: n)
        if m < split {
            try path(m, range.lowerBound..<split, into: &hashes)
            hashes.append(try subtreeHash(split..<range.upperBound))
        } else {
            try path(m, split..<range.upperBound, into: &hashes)
            hashes.append(try subtreeHash(range.lowerBound..<split))
        }
    }

    /// `SUBPROOF(m, D[range], b)` where `m` counts leaves from the start of `range`.
    private func subproof(_ m: UInt64, _ range: Range<UInt64>, complete: Bool, into hashes: inout [MerkleHash]) throws {
        let n = UInt64(range.count)
        if m == n {
            if !complete { hashes.append(try subtreeHash(range)) }
            return
        }
        let k = TreeMath.largestPowerOfTwo(below: n)
        let split = range.lowerBound + k
        if m <= k {
            try subproof(m, range.lowerBound..<split, complete: complete, into: &hashes)
            hashes.append(try subtreeHash(split..<range.upperBound))
        } else {
            try subproof(m - k, split..<range.upperBound, complete: false, into: &hashes)
            hashes.append(try subtreeHash(range.lowerBound..<split))
        }
    }
}
