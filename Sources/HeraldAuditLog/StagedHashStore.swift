import HeraldCore
import MerkleLog
import Synchronization

/// The ``MerkleHashStore`` ``StoredProofs`` runs a ``ProofGenerator`` over, in two stages.
///
/// *Planning*: answers with placeholder hashes and records every subtree hash and leaf range asked for.
/// A generator's reads depend only on tree sizes, never on hash values, so this dry run names exactly
/// what the real computation will read. *Answering*: serves those hashes, fetched in the meantime from
/// the (asynchronous) store.
final class StagedHashStore: MerkleHashStore {
    enum Stage: Sendable {
        /// Subtrees in `uncached` are reported absent, so the generator descends into their children.
        case planning(uncached: Set<AuditSubtreeKey>)
        case answering(subtrees: [AuditSubtreeKey: MerkleHash], leaves: [Range<UInt64>: [MerkleHash]])
    }

    private struct Requests {
        var subtrees: Set<AuditSubtreeKey> = []
        var leafRanges: Set<Range<UInt64>> = []
    }

    let size: UInt64
    let cacheLevel: Int
    let stage: Stage
    private let requests = Mutex(Requests())

    init(size: UInt64, cacheLevel: Int, stage: Stage) {
        self.size = size
        self.cacheLevel = cacheLevel
        self.stage = stage
    }

    /// What a planning run asked for.
    var subtreeRequests: Set<AuditSubtreeKey> { requests.withLock { $0.subtrees } }
    var leafRangeRequests: Set<Range<UInt64>> { requests.withLock { $0.leafRanges } }

    func leafCount() throws -> UInt64 { size }

    func leafHashes(in range: Range<UInt64>) throws -> [MerkleHash] {
        switch stage {
        case .planning:
            _ = requests.withLock { $0.leafRanges.insert(range) }
            return Array(repeating: .zero, count: range.count)
        case .answering(_, let leaves):
            guard let hashes = leaves[range] else { throw MerkleLogError(.storeInconsistent, "leaf hashes \(range) were not fetched") }
            return hashes
        }
    }

    var minimumCachedLevel: Int { cacheLevel }

    func cachedSubtreeHash(level: Int, index: UInt64) throws -> MerkleHash? {
        let key = AuditSubtreeKey(level: level, index: index)
        switch stage {
        case .planning(let uncached):
            if uncached.contains(key) { return nil }
            _ = requests.withLock { $0.subtrees.insert(key) }
            return .zero
        case .answering(let subtrees, _):
            return subtrees[key]
        }
    }
}
