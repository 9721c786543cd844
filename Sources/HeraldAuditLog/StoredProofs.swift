import HeraldCore
import MerkleLog

/// Runs ``ProofGenerator`` computations (roots, inclusion and consistency proofs) over an
/// ``AuditLogStore``, whose reads are asynchronous: a dry run over a ``HashReadPlan`` finds the hashes
/// needed, they are fetched, and the computation runs again over a ``PrefetchedHashStore``.
///
/// With the subtree cache (every perfect subtree of height ≥ 8) a proof reads O(log n) cached hashes
/// and at most a few hundred leaf hashes, whatever the log's size.
struct StoredProofs: Sendable {
    let store: any AuditLogStore

    /// Runs `body` over the first `size` leaves of the stored log (`size` must not exceed the log).
    func compute<T>(size: UInt64, _ body: (ProofGenerator<StagedHashStore>) throws -> T) async throws -> T {
        let level = MerkleAuditSealer.subtreeCacheLevel
        var uncached = Set<AuditSubtreeKey>()
        var subtrees: [AuditSubtreeKey: MerkleHash] = [:]
        var leaves: [Range<UInt64>: [MerkleHash]] = [:]
        // Each round either finds every hash or learns of subtrees missing from the cache, whose children
        // the next round asks for instead; heights only decrease, so this ends within 64 rounds.
        for _ in 0..<65 {
            let plan = StagedHashStore(size: size, cacheLevel: level, stage: .planning(uncached: uncached))
            _ = try? body(ProofGenerator(store: plan))
            let wantedSubtrees = plan.subtreeRequests.filter { subtrees[$0] == nil }
            let wantedRanges = plan.leafRangeRequests.filter { leaves[$0] == nil }
            if wantedSubtrees.isEmpty && wantedRanges.isEmpty { break }
            if !wantedSubtrees.isEmpty {
                let found = try await store.auditSubtreeHashes(Array(wantedSubtrees))
                for key in wantedSubtrees {
                    if let bytes = found[key] {
                        subtrees[key] = try Self.hash(bytes, "subtree \(key.level)/\(key.index)")
                    } else {
                        uncached.insert(key)
                    }
                }
            }
            for range in wantedRanges {
                let bytes = try await store.auditLeafHashes(in: range)
                guard bytes.count == range.count else {
                    throw HeraldError.auditLogInconsistent(
                        "the audit log should hold leaves \(range.lowerBound)…\(range.upperBound - 1) but \(bytes.count) of \(range.count) were found")
                }
                leaves[range] = try bytes.enumerated().map { try Self.hash($0.element, "leaf \(range.lowerBound + UInt64($0.offset))") }
            }
        }
        let answering = StagedHashStore(size: size, cacheLevel: level, stage: .answering(subtrees: subtrees, leaves: leaves))
        return try Self.answer(body, ProofGenerator(store: answering))
    }

    /// Runs the computation over the fetched hashes; a store inconsistency becomes `audit_log_inconsistent`.
    private static func answer<T>(_ body: (ProofGenerator<StagedHashStore>) throws -> T, _ generator: ProofGenerator<StagedHashStore>) throws -> T {
        do {
            return try body(generator)
        } catch let error as MerkleLogError {
            throw HeraldError.auditLogInconsistent("cannot compute from the stored audit log: \(error.message)")
        }
    }

    private static func hash(_ bytes: [UInt8], _ what: String) throws -> MerkleHash {
        do {
            return try MerkleHash(bytes: bytes)
        } catch {
            throw HeraldError.auditLogInconsistent("the stored hash of \(what) is \(bytes.count) bytes, not 32")
        }
    }
}
