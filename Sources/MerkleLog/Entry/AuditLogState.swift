/// Everything needed to append the next entry: the tree's right frontier (which gives the size and
/// the current root) and the leaf hash of the last entry (the next entry's previous hash).
///
/// It is a small value (at most 64 + 1 hashes); the domain layer persists it with each append, or
/// rebuilds it from the stored leaf hashes with ``ProofGenerator/compactRange(treeSize:)``.
public struct AuditLogState: Sendable, Hashable, Codable {
    /// The empty log.
    public static let empty = AuditLogState(uncheckedFrontier: CompactRange(), lastLeafHash: .zero)

    /// The right frontier of the tree of all entries.
    public let frontier: CompactRange
    /// The leaf hash of the last entry, or ``MerkleHash/zero`` when empty.
    public let lastLeafHash: MerkleHash

    /// Restores a state; checks what can be checked (an empty log has a zero last hash; for an odd
    /// size the last frontier hash is the last leaf).
    public init(frontier: CompactRange, lastLeafHash: MerkleHash) throws(MerkleLogError) {
        if frontier.size == 0 && lastLeafHash != .zero {
            throw MerkleLogError(.invalidState, "an empty log's last leaf hash must be zero")
        }
        if frontier.size % 2 == 1 && frontier.hashes.last != lastLeafHash {
            throw MerkleLogError(.invalidState, "the last leaf hash does not match the frontier of size \(frontier.size)")
        }
        self.init(uncheckedFrontier: frontier, lastLeafHash: lastLeafHash)
    }

    init(uncheckedFrontier frontier: CompactRange, lastLeafHash: MerkleHash) {
        self.frontier = frontier
        self.lastLeafHash = lastLeafHash
    }

    /// The number of entries.
    public var size: UInt64 { frontier.size }

    /// The RFC 9162 root hash of all entries (O(log n) hashes).
    public var rootHash: MerkleHash { frontier.root }
}
