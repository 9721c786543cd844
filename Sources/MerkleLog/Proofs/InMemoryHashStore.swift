/// A ``MerkleHashStore`` that keeps every level of the tree in memory (about 64 bytes per leaf), so
/// roots and proofs cost O(log n) hash look-ups.
///
/// Use it in tests, benchmarks, bundle building and small logs; a database-backed log implements
/// ``MerkleHashStore`` over its own tables instead.
///
/// ```swift
/// var store = InMemoryHashStore()
/// for envelope in envelopes { store.append(envelope.leafHash) }
/// let proof = try ProofGenerator(store: store).inclusionProof(leafIndex: 3, treeSize: store.count)
/// ```
public struct InMemoryHashStore: MerkleHashStore {
    // levels[0] holds the leaves; levels[l][i] is the perfect subtree of height l at index i.
    private var levels: [[MerkleHash]]

    /// An empty store.
    public init() {
        self.levels = [[]]
    }

    /// A store holding the given leaf hashes in order.
    public init(leafHashes: some Sequence<MerkleHash>) {
        self.init()
        for leaf in leafHashes { append(leaf) }
    }

    /// The number of leaves.
    public var count: UInt64 { UInt64(levels[0].count) }

    /// Appends a leaf hash and every perfect subtree it completes.
    public mutating func append(_ leafHash: MerkleHash) {
        levels[0].append(leafHash)
        var level = 0
        while levels[level].count % 2 == 0 {
            let count = levels[level].count
            let node = TreeHasher.nodeHash(levels[level][count - 2], levels[level][count - 1])
            if levels.count == level + 1 { levels.append([]) }
            levels[level + 1].append(node)
            level += 1
        }
    }

    public func leafCount() throws -> UInt64 { count }

    public func leafHashes(in range: Range<UInt64>) throws -> [MerkleHash] {
        guard range.upperBound <= count else {
            throw MerkleLogError(.indexOutOfRange, "leaves \(range) requested but the store holds \(count)")
        }
        return Array(levels[0][Int(range.lowerBound)..<Int(range.upperBound)])
    }

    public var minimumCachedLevel: Int { 0 }

    public func cachedSubtreeHash(level: Int, index: UInt64) throws -> MerkleHash? {
        guard level < levels.count, index < UInt64(levels[level].count) else { return nil }
        return levels[level][Int(index)]
    }
}
