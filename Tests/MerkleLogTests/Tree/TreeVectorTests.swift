import Crypto
import Foundation
import MerkleLog
import Testing

/// Tree heads and proofs against vectors derived independently (Tests/MerkleLogTests/Python/derive_vectors.py)
/// and against the literal RFC recursion in ``ReferenceTree``.
@Suite struct TreeVectorTests {
    /// The RFC 6962 reference leaves used by Certificate Transparency test suites.
    static let ctLeaves: [[UInt8]] = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                                      "606162636465666768696a6b6c6d6e6f"].map { [UInt8](hexString: $0) }

    static let ctRoots = [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]

    static func store(_ leaves: [[UInt8]]) -> InMemoryHashStore {
        InMemoryHashStore(leafHashes: leaves.map { TreeHasher.leafHash($0) })
    }

    @Test func emptyRootIsSHA256OfNothing() {
        #expect(TreeHasher.emptyRoot.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(CompactRange().root == TreeHasher.emptyRoot)
    }

    @Test func referenceLeafRoots() throws {
        let generator = ProofGenerator(store: Self.store(Self.ctLeaves))
        for n in 0...8 {
            #expect(try generator.rootHash(treeSize: UInt64(n)).hex == Self.ctRoots[n], "size \(n)")
            let range = CompactRange(leafHashes: Self.ctLeaves[0..<n].map { TreeHasher.leafHash($0) })
            #expect(range.root.hex == Self.ctRoots[n], "compact range size \(n)")
        }
    }

    @Test func referenceLeafProofs() throws {
        let generator = ProofGenerator(store: Self.store(Self.ctLeaves))
        func hexes(_ hashes: [MerkleHash]) -> [String] { hashes.map(\.hex) }
        #expect(hexes(try generator.inclusionProof(leafIndex: 0, treeSize: 8).hashes) == [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ])
        #expect(hexes(try generator.inclusionProof(leafIndex: 5, treeSize: 8).hashes) == [
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ])
        #expect(hexes(try generator.inclusionProof(leafIndex: 2, treeSize: 3).hashes) == [
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        ])
        #expect(hexes(try generator.consistencyProof(from: 3, to: 7).hashes) == [
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e",
        ])
        #expect(hexes(try generator.consistencyProof(from: 4, to: 8).hashes) == [
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ])
        #expect(hexes(try generator.consistencyProof(from: 6, to: 8).hashes) == [
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ])
    }

    static let sixtyFourLeaves: [[UInt8]] = (0..<64).map { Array("leaf-\($0)".utf8) }

    static func frame(_ a: Int, _ b: Int, _ hashes: [MerkleHash]) -> [UInt8] {
        var out: [UInt8] = []
        withUnsafeBytes(of: UInt64(a).bigEndian) { out += $0 }
        withUnsafeBytes(of: UInt64(b).bigEndian) { out += $0 }
        withUnsafeBytes(of: UInt32(hashes.count).bigEndian) { out += $0 }
        for hash in hashes { out += hash.bytes }
        return out
    }

    /// Every root, every inclusion proof and every consistency proof of the trees of sizes 0…64,
    /// digested in the framing of derive_vectors.py and compared with its output.
    @Test func allProofsUpTo64MatchIndependentDerivation() throws {
        let generator = ProofGenerator(store: Self.store(Self.sixtyFourLeaves))
        var roots = SHA256()
        var inclusion = SHA256()
        var consistency = SHA256()
        for n in 0...64 {
            withUnsafeBytes(of: UInt64(n).bigEndian) { roots.update(bufferPointer: $0) }
            roots.update(data: try generator.rootHash(treeSize: UInt64(n)).bytes)
            for m in 0..<n {
                inclusion.update(data: Self.frame(m, n, try generator.inclusionProof(leafIndex: UInt64(m), treeSize: UInt64(n)).hashes))
            }
            for m in stride(from: 1, to: n, by: 1) {
                consistency.update(data: Self.frame(m, n, try generator.consistencyProof(from: UInt64(m), to: UInt64(n)).hashes))
            }
        }
        #expect(Array(roots.finalize()).hexString == "3f6bf3e5b48fb7259036dc9e13aa8f88a4a08343aa6b07296d6ea6dd31edd6ce")
        #expect(Array(inclusion.finalize()).hexString == "dfa4c4503da52cb4a1a55469342dd770316d3c2eedbe6ab3bd61185544063887")
        #expect(Array(consistency.finalize()).hexString == "6cb9ca9a605f04619c64da3c7ca6d00a33668b3f789ef01d8f38617ee64e4555")
    }

    /// Generation equals the literal RFC recursion, and every proof verifies, for all sizes 0…64.
    @Test func everyProofMatchesReferenceAndVerifies() throws {
        let leaves = Self.sixtyFourLeaves
        let generator = ProofGenerator(store: Self.store(leaves))
        let leafHashes = leaves.map { TreeHasher.leafHash($0) }
        var failures: [String] = []
        for n in 0...64 {
            let root = try generator.rootHash(treeSize: UInt64(n))
            if root.bytes != ReferenceTree.mth(leaves[0..<n]) { failures.append("root \(n)") }
            for m in 0..<n {
                let proof = try generator.inclusionProof(leafIndex: UInt64(m), treeSize: UInt64(n))
                if proof.hashes.map(\.bytes) != ReferenceTree.path(m, leaves[0..<n]) { failures.append("PATH(\(m), \(n))") }
                if !proof.isValid(leafHash: leafHashes[m], rootHash: root) { failures.append("verify PATH(\(m), \(n))") }
            }
            for m in 0...n {
                let proof = try generator.consistencyProof(from: UInt64(m), to: UInt64(n))
                if m > 0 && m < n && proof.hashes.map(\.bytes) != ReferenceTree.proof(m, leaves[0..<n]) {
                    failures.append("PROOF(\(m), \(n))")
                }
                let oldRoot = try generator.rootHash(treeSize: UInt64(m))
                if !proof.isValid(fromRoot: oldRoot, toRoot: root) { failures.append("verify PROOF(\(m), \(n))") }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }
}
