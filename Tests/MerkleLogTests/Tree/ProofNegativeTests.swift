import MerkleLog
import Testing

/// Proofs must fail for every single-bit change, wrong index, wrong size, wrong root and wrong length.
@Suite struct ProofNegativeTests {
    static let leaves: [[UInt8]] = (0..<64).map { Array("leaf-\($0)".utf8) }
    static let leafHashes = leaves.map { TreeHasher.leafHash($0) }
    static let generator = ProofGenerator(store: InMemoryHashStore(leafHashes: leafHashes))

    static func flipping(_ hash: MerkleHash, bit: Int) -> MerkleHash {
        var bytes = hash.bytes
        bytes[bit / 8] ^= UInt8(1) << (bit % 8)
        return try! MerkleHash(bytes: bytes)
    }

    @Test func inclusionProofsRejectTampering() throws {
        var accepted: [String] = []
        for n in 1...40 {
            let root = try Self.generator.rootHash(treeSize: UInt64(n))
            for m in 0..<n {
                let proof = try Self.generator.inclusionProof(leafIndex: UInt64(m), treeSize: UInt64(n))
                let leaf = Self.leafHashes[m]
                // A flipped bit anywhere in the path (a few bit positions per hash keeps this fast).
                for (i, hash) in proof.hashes.enumerated() {
                    for bit in [0, 77, 255] {
                        var bad = proof
                        bad.hashes[i] = Self.flipping(hash, bit: bit)
                        if bad.isValid(leafHash: leaf, rootHash: root) { accepted.append("bit \(bit) of hash \(i), PATH(\(m), \(n))") }
                    }
                }
                if proof.isValid(leafHash: Self.flipping(leaf, bit: 3), rootHash: root) { accepted.append("leaf bit PATH(\(m), \(n))") }
                if proof.isValid(leafHash: leaf, rootHash: Self.flipping(root, bit: 200)) { accepted.append("root bit PATH(\(m), \(n))") }
                // Another leaf's hash at this index.
                if n > 1, proof.isValid(leafHash: Self.leafHashes[(m + 1) % n], rootHash: root) { accepted.append("other leaf PATH(\(m), \(n))") }
                // Wrong index.
                for other in [m - 1, m + 1] where other >= 0 && other != m {
                    var bad = proof
                    bad.leafIndex = UInt64(other)
                    if bad.isValid(leafHash: leaf, rootHash: root) { accepted.append("index \(other) PATH(\(m), \(n))") }
                }
                // Claimed for another tree size, checked against that size's root. (Against the root of
                // size n a proof can verify under a size with the same path shape: the size is bound to
                // the root by the signed checkpoint, not by the proof.)
                for size in [n - 1, n + 1, 2 * n] where size > m && size != n && size <= 64 {
                    var bad = proof
                    bad.treeSize = UInt64(size)
                    let otherRoot = try Self.generator.rootHash(treeSize: UInt64(size))
                    if bad.isValid(leafHash: leaf, rootHash: otherRoot) { accepted.append("size \(size) PATH(\(m), \(n))") }
                }
                // Truncated and extended paths.
                if !proof.hashes.isEmpty {
                    var bad = proof
                    bad.hashes.removeLast()
                    if bad.isValid(leafHash: leaf, rootHash: root) { accepted.append("truncated PATH(\(m), \(n))") }
                }
                var extended = proof
                extended.hashes.append(root)
                if extended.isValid(leafHash: leaf, rootHash: root) { accepted.append("extended PATH(\(m), \(n))") }
            }
        }
        #expect(accepted.isEmpty, "\(accepted.prefix(20))")
    }

    @Test func inclusionProofIndexBeyondSizeIsRejected() {
        let proof = InclusionProof(leafIndex: 5, treeSize: 5, hashes: [])
        #expect(throws: MerkleLogError.self) { try proof.rootHash(forLeafHash: Self.leafHashes[5]) }
        #expect(throws: MerkleLogError.self) { try Self.generator.inclusionProof(leafIndex: 5, treeSize: 5) }
        #expect(throws: MerkleLogError.self) { try Self.generator.inclusionProof(leafIndex: 0, treeSize: 65) }
    }

    @Test func consistencyProofsRejectTampering() throws {
        var accepted: [String] = []
        for n in 1...40 {
            let root = try Self.generator.rootHash(treeSize: UInt64(n))
            for m in 1..<n {
                let oldRoot = try Self.generator.rootHash(treeSize: UInt64(m))
                let proof = try Self.generator.consistencyProof(from: UInt64(m), to: UInt64(n))
                for (i, hash) in proof.hashes.enumerated() {
                    for bit in [0, 130, 255] {
                        var bad = proof
                        bad.hashes[i] = Self.flipping(hash, bit: bit)
                        if bad.isValid(fromRoot: oldRoot, toRoot: root) { accepted.append("bit \(bit) of hash \(i), PROOF(\(m), \(n))") }
                    }
                }
                if proof.isValid(fromRoot: Self.flipping(oldRoot, bit: 9), toRoot: root) { accepted.append("old root PROOF(\(m), \(n))") }
                if proof.isValid(fromRoot: oldRoot, toRoot: Self.flipping(root, bit: 9)) { accepted.append("new root PROOF(\(m), \(n))") }
                if proof.isValid(fromRoot: root, toRoot: oldRoot) { accepted.append("swapped roots PROOF(\(m), \(n))") }
                // Claimed for other sizes, checked against those sizes' roots.
                for size in [m - 1, m + 1] where size > 0 && size < n && size != m {
                    var bad = proof
                    bad.fromSize = UInt64(size)
                    let otherRoot = try Self.generator.rootHash(treeSize: UInt64(size))
                    if bad.isValid(fromRoot: otherRoot, toRoot: root) { accepted.append("from \(size) PROOF(\(m), \(n))") }
                }
                for size in [n - 1, n + 1] where size > m && size != n {
                    var bad = proof
                    bad.toSize = UInt64(size)
                    let otherRoot = try Self.generator.rootHash(treeSize: UInt64(size))
                    if bad.isValid(fromRoot: oldRoot, toRoot: otherRoot) { accepted.append("to \(size) PROOF(\(m), \(n))") }
                }
                var truncated = proof
                truncated.hashes.removeLast()
                if truncated.isValid(fromRoot: oldRoot, toRoot: root) { accepted.append("truncated PROOF(\(m), \(n))") }
                var extended = proof
                extended.hashes.append(oldRoot)
                if extended.isValid(fromRoot: oldRoot, toRoot: root) { accepted.append("extended PROOF(\(m), \(n))") }
                // A different old tree of the same size (a fork) must not be consistent.
                let forked = InMemoryHashStore(leafHashes: Self.leafHashes[0..<m].map { Self.flipping($0, bit: 1) })
                let forkedRoot = try ProofGenerator(store: forked).rootHash(treeSize: UInt64(m))
                if proof.isValid(fromRoot: forkedRoot, toRoot: root) { accepted.append("forked PROOF(\(m), \(n))") }
            }
        }
        #expect(accepted.isEmpty, "\(accepted.prefix(20))")
    }

    @Test func degenerateConsistencyCases() throws {
        let root5 = try Self.generator.rootHash(treeSize: 5)
        let root9 = try Self.generator.rootHash(treeSize: 9)
        #expect(ConsistencyProof(fromSize: 5, toSize: 5, hashes: []).isValid(fromRoot: root5, toRoot: root5))
        #expect(!ConsistencyProof(fromSize: 5, toSize: 5, hashes: []).isValid(fromRoot: root5, toRoot: root9))
        #expect(!ConsistencyProof(fromSize: 5, toSize: 5, hashes: [root5]).isValid(fromRoot: root5, toRoot: root5))
        #expect(ConsistencyProof(fromSize: 0, toSize: 9, hashes: []).isValid(fromRoot: TreeHasher.emptyRoot, toRoot: root9))
        #expect(!ConsistencyProof(fromSize: 0, toSize: 9, hashes: []).isValid(fromRoot: root5, toRoot: root9))
        #expect(!ConsistencyProof(fromSize: 0, toSize: 9, hashes: [root9]).isValid(fromRoot: TreeHasher.emptyRoot, toRoot: root9))
        #expect(!ConsistencyProof(fromSize: 9, toSize: 5, hashes: []).isValid(fromRoot: root9, toRoot: root5))
        #expect(!ConsistencyProof(fromSize: 5, toSize: 9, hashes: []).isValid(fromRoot: root5, toRoot: root9))
        #expect(throws: MerkleLogError.self) { try Self.generator.consistencyProof(from: 9, to: 5) }
    }
}
