/// Where a ``ProofGenerator`` reads a log's hashes: leaf hashes by index range and, optionally,
/// cached hashes of perfect subtrees.
///
/// A database-backed log implements it with a query on its leaf-hash column; it need not load
/// everything. Perfect subtrees never change in an append-only tree, so a store may keep the ones
/// ``CompactRange/append(_:completed:)`` reports (e.g. every subtree of height ≥ 8 in a side table)
/// and answer ``cachedSubtreeHash(level:index:)`` from them; proofs then cost O(log n) lookups
/// instead of reading the leaves below each proof node.
///
/// ```swift
/// struct SQLHashStore: MerkleHashStore {
///     let db: Database
///     func leafCount() throws -> UInt64 { try db.count("audit_log") }
///     func leafHashes(in range: Range<UInt64>) throws -> [MerkleHash] {
///         try db.leafHashes(from: range.lowerBound, to: range.upperBound)   // ORDER BY idx
///     }
/// }
/// let generator = ProofGenerator(store: SQLHashStore(db: db))
/// ```
public protocol MerkleHashStore: Sendable {
    /// The number of leaves stored; proofs may be asked for any tree size up to it.
    func leafCount() throws -> UInt64

    /// The leaf hashes with indices in `range`, in index order; exactly `range.count` of them.
    func leafHashes(in range: Range<UInt64>) throws -> [MerkleHash]

    /// The lowest subtree height (0 = leaves) at which ``cachedSubtreeHash(level:index:)`` may answer.
    /// Below it the generator reads leaves instead. `Int.max` (the default) means "no cache":
    /// every subtree is computed from one ``leafHashes(in:)`` read.
    var minimumCachedLevel: Int { get }

    /// The hash of the perfect subtree of height `level` covering leaves
    /// `index << level ..< (index + 1) << level`, or `nil` if not cached. Default: `nil`.
    func cachedSubtreeHash(level: Int, index: UInt64) throws -> MerkleHash?
}

extension MerkleHashStore {
    public var minimumCachedLevel: Int { Int.max }

    public func cachedSubtreeHash(level: Int, index: UInt64) throws -> MerkleHash? { nil }
}
