import Foundation
import MerkleLog
import Synchronization
import Testing

/// The generator must give identical results whatever the store caches, and must read little when it caches.
@Suite struct ProofGeneratorStoreTests {
    final class Counter: Sendable {
        private let count = Mutex(0)
        func increment() { count.withLock { $0 += 1 } }
        var value: Int { count.withLock { $0 } }
    }

    /// Leaves only: every subtree is computed from one leaf read.
    struct LeavesOnlyStore: MerkleHashStore {
        let leaves: [MerkleHash]
        let reads = Counter()
        func leafCount() throws -> UInt64 { UInt64(leaves.count) }
        func leafHashes(in range: Range<UInt64>) throws -> [MerkleHash] {
            reads.increment()
            return Array(leaves[Int(range.lowerBound)..<Int(range.upperBound)])
        }
    }

    /// Caches only subtrees of height ≥ 3 (as a database side table might).
    struct TileCachedStore: MerkleHashStore {
        let full: InMemoryHashStore
        let leafReads = Counter()
        func leafCount() throws -> UInt64 { full.count }
        func leafHashes(in range: Range<UInt64>) throws -> [MerkleHash] {
            leafReads.increment()
            return try full.leafHashes(in: range)
        }
        var minimumCachedLevel: Int { 3 }
        func cachedSubtreeHash(level: Int, index: UInt64) throws -> MerkleHash? {
            precondition(level >= 3, "the generator must not ask below minimumCachedLevel")
            return try full.cachedSubtreeHash(level: level, index: index)
        }
    }

    /// A store that lies about its contents.
    struct ShortStore: MerkleHashStore {
        func leafCount() throws -> UInt64 { 100 }
        func leafHashes(in range: Range<UInt64>) throws -> [MerkleHash] { [] }
    }

    static let leafHashes = (0..<200).map { TreeHasher.leafHash(Array("x\($0)".utf8)) }

    @Test func allStoresAgree() throws {
        let memory = ProofGenerator(store: InMemoryHashStore(leafHashes: Self.leafHashes))
        let leavesOnly = ProofGenerator(store: LeavesOnlyStore(leaves: Self.leafHashes))
        let tiled = ProofGenerator(store: TileCachedStore(full: InMemoryHashStore(leafHashes: Self.leafHashes)))
        for n in [1, 2, 3, 7, 8, 9, 63, 64, 65, 127, 199, 200] {
            let size = UInt64(n)
            let root = try memory.rootHash(treeSize: size)
            #expect(try leavesOnly.rootHash(treeSize: size) == root)
            #expect(try tiled.rootHash(treeSize: size) == root)
            for m in [0, n / 3, n / 2, n - 1] {
                let proof = try memory.inclusionProof(leafIndex: UInt64(m), treeSize: size)
                #expect(try leavesOnly.inclusionProof(leafIndex: UInt64(m), treeSize: size) == proof)
                #expect(try tiled.inclusionProof(leafIndex: UInt64(m), treeSize: size) == proof)
                let consistency = try memory.consistencyProof(from: UInt64(m), to: size)
                #expect(try leavesOnly.consistencyProof(from: UInt64(m), to: size) == consistency)
                #expect(try tiled.consistencyProof(from: UInt64(m), to: size) == consistency)
            }
            #expect(try tiled.compactRange(treeSize: size) == memory.compactRange(treeSize: size))
        }
    }

    @Test func cachedStoreReadsFewLeaves() throws {
        let store = TileCachedStore(full: InMemoryHashStore(leafHashes: Self.leafHashes))
        let generator = ProofGenerator(store: store)
        _ = try generator.inclusionProof(leafIndex: 100, treeSize: 200)
        // Only subtrees below height 3 come from leaf reads: a handful, never all 200 leaves.
        #expect(store.leafReads.value <= 8)
    }

    @Test func inconsistentStoreIsReported() {
        let generator = ProofGenerator(store: ShortStore())
        #expect {
            _ = try generator.rootHash(treeSize: 10)
        } throws: { error in
            (error as? MerkleLogError)?.code == .storeInconsistent
        }
        #expect(throws: MerkleLogError.self) { _ = try generator.rootHash(treeSize: 101) }
    }
}
