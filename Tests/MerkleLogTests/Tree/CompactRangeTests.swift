import Foundation
import MerkleLog
import Testing

@Suite struct CompactRangeTests {
    static let leaves: [[UInt8]] = (0..<300).map { Array("entry \($0)".utf8) }
    static let leafHashes = leaves.map { TreeHasher.leafHash($0) }

    @Test func rootMatchesReferenceAtEverySize() {
        var range = CompactRange()
        for n in 0...130 {
            #expect(range.size == UInt64(n))
            #expect(range.hashes.count == n.nonzeroBitCount)
            #expect(range.root.bytes == ReferenceTree.mth(Self.leaves[0..<n]), "size \(n)")
            if n < Self.leaves.count { range.append(Self.leafHashes[n]) }
        }
    }

    @Test func reportsEveryCompletedSubtree() throws {
        var range = CompactRange()
        var completed: [String: MerkleHash] = [:]
        for leaf in Self.leafHashes {
            range.append(leaf) { level, index, hash in completed["\(level)/\(index)"] = hash }
        }
        // 300 leaves complete 150 + 75 + 37 + 18 + 9 + 4 + 2 + 1 subtrees of height 1…8.
        #expect(completed.count == 150 + 75 + 37 + 18 + 9 + 4 + 2 + 1)
        let store = InMemoryHashStore(leafHashes: Self.leafHashes)
        for (key, hash) in completed {
            let parts = key.split(separator: "/")
            let level = Int(parts[0])!
            let index = UInt64(parts[1])!
            #expect(try store.cachedSubtreeHash(level: level, index: index) == hash, "\(key)")
        }
    }

    @Test func restoreValidatesHashCount() throws {
        let range = CompactRange(leafHashes: Self.leafHashes[0..<13])
        let restored = try CompactRange(size: 13, hashes: range.hashes)
        #expect(restored == range)
        #expect(throws: MerkleLogError.self) { try CompactRange(size: 15, hashes: range.hashes) }
        #expect(throws: MerkleLogError.self) { try CompactRange(size: 0, hashes: [range.root]) }
        let generator = ProofGenerator(store: InMemoryHashStore(leafHashes: Self.leafHashes))
        #expect(try generator.compactRange(treeSize: 13) == range)
        #expect(try generator.compactRange(treeSize: 0) == CompactRange())
    }

    @Test func codableRoundTrip() throws {
        let range = CompactRange(leafHashes: Self.leafHashes[0..<77])
        let data = try JSONEncoder().encode(range)
        #expect(try JSONDecoder().decode(CompactRange.self, from: data) == range)
        let broken = Data(#"{"size":3,"hashes":[]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CompactRange.self, from: broken) }
    }
}
