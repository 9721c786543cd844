/// The right frontier of an append-only Merkle tree: the roots of the perfect subtrees that cover
/// leaves `0..<size`, largest (leftmost) first — one per set bit of `size`, so at most 64.
///
/// It is all an appender needs: appending a leaf costs amortised O(1) and at most O(log n) node
/// hashes, and ``root`` folds the O(log n) hashes into the RFC 9162 tree head without touching the
/// leaves. Persist ``size`` and ``hashes`` (e.g. next to the log's last row) and rebuild with
/// ``init(size:hashes:)``.
///
/// ```swift
/// var range = CompactRange()
/// for entry in entries { range.append(TreeHasher.leafHash(entry)) }
/// let head = (range.size, range.root)
/// ```
public struct CompactRange: Sendable, Hashable {
    /// The number of leaves covered.
    public private(set) var size: UInt64
    /// Perfect-subtree roots, leftmost (largest) first; `hashes.count == size.nonzeroBitCount`.
    public private(set) var hashes: [MerkleHash]

    /// The empty range.
    public init() {
        self.size = 0
        self.hashes = []
    }

    /// Restores a range from persisted values; throws if the number of hashes does not fit `size`.
    public init(size: UInt64, hashes: [MerkleHash]) throws(MerkleLogError) {
        guard hashes.count == size.nonzeroBitCount else {
            throw MerkleLogError(
                .invalidCompactRange,
                "a compact range of size \(size) needs \(size.nonzeroBitCount) hashes, got \(hashes.count)"
            )
        }
        self.size = size
        self.hashes = hashes
    }

    /// Builds the range covering the given leaf hashes in order.
    public init(leafHashes: some Sequence<MerkleHash>) {
        self.init()
        for leaf in leafHashes { append(leaf) }
    }

    /// Appends one leaf hash.
    public mutating func append(_ leafHash: MerkleHash) {
        append(leafHash) { _, _, _ in }
    }

    /// Appends one leaf hash and reports every perfect subtree of height ≥ 1 it completes as
    /// `(level, index, hash)`: the subtree covers leaves `index << level ..< (index + 1) << level`.
    /// A database can keep these to serve proofs without re-reading leaves (see ``MerkleHashStore``).
    public mutating func append(
        _ leafHash: MerkleHash,
        completed: (_ level: Int, _ index: UInt64, _ hash: MerkleHash) -> Void
    ) {
        hashes.append(leafHash)
        var index = size
        var level = 0
        // Each trailing one bit of the old size is a left sibling that the new leaf completes.
        while index & 1 == 1 {
            let right = hashes.removeLast()
            let left = hashes.removeLast()
            let node = TreeHasher.nodeHash(left, right)
            hashes.append(node)
            index >>= 1
            level += 1
            completed(level, index, node)
        }
        size += 1
    }

    /// The RFC 9162 root hash of the leaves covered (``TreeHasher/emptyRoot`` when empty).
    public var root: MerkleHash {
        guard var result = hashes.last else { return TreeHasher.emptyRoot }
        for hash in hashes.dropLast().reversed() {
            result = TreeHasher.nodeHash(hash, result)
        }
        return result
    }
}

extension CompactRange: Codable {
    private enum CodingKeys: String, CodingKey {
        case size, hashes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let size = try container.decode(UInt64.self, forKey: .size)
        let hashes = try container.decode([MerkleHash].self, forKey: .hashes)
        do {
            try self.init(size: size, hashes: hashes)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .hashes, in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(size, forKey: .size)
        try container.encode(hashes, forKey: .hashes)
    }
}
