import Foundation
import MerkleLog
import Testing

@Suite struct CheckpointTests {
    static let origin = "audit.herald.example/log"
    /// Derived with Python (derive_vectors.py): the RFC 6962 reference tree of 8 leaves, signed with seed 00…1f.
    static let signedVector = "audit.herald.example/log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\ntime 1700000000\n\n— audit.herald.example/log VBFuP4UkhlMjsIHUOIKNuWxOux01k2zgivFJeDVqc82B0LJN/Uba91CVsUCrpFfY7Mli4v6Vdiu4FHUyEzywCH/stwE=\n"
    static let trusted = try! NoteVerifierKey(parsing: NoteKeyTests.heraldVerifier)

    @Test func verifiesTheDerivedVector() throws {
        let signed = try CheckpointVerifier(origin: Self.origin, key: Self.trusted).verify(Self.signedVector)
        #expect(signed.size == 8)
        #expect(signed.rootHash.hex == TreeVectorTests.ctRoots[8])
        #expect(signed.checkpoint.extensions == ["time 1700000000"])
        #expect(signed.checkpoint.issuedAt == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(signed.serialized == Self.signedVector)
    }

    @Test func signerProducesVerifiableCheckpoints() throws {
        let key = try NoteSignerKey(parsing: NoteKeyTests.heraldSigner)
        let signer = try CheckpointSigner(origin: Self.origin, key: key)
        let root = try MerkleHash(hex: TreeVectorTests.ctRoots[8])
        let signed = try signer.sign(Checkpoint(origin: Self.origin, size: 8, rootHash: root, issuedAt: Date(timeIntervalSince1970: 1_700_000_000.7)))
        #expect(signed.checkpoint.text == "audit.herald.example/log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\ntime 1700000000\n")
        let reopened = try CheckpointVerifier(origin: Self.origin, key: Self.trusted).verify(signed.serialized)
        #expect(reopened == signed)
        #if os(Linux)
        #expect(signed.serialized == Self.signedVector)
        #endif
        #expect(throws: MerkleLogError.self) { try signer.sign(Checkpoint(origin: "other", size: 8, rootHash: root)) }
    }

    @Test func rejectsWrongOriginUnknownKeyAndForgery() throws {
        #expect {
            try CheckpointVerifier(origin: "other.example/log", key: Self.trusted).verify(Self.signedVector)
        } throws: { ($0 as? MerkleLogError)?.code == .wrongOrigin }
        let stranger = try NoteSignerKey.generate(name: Self.origin).verifierKey
        #expect {
            try CheckpointVerifier(origin: Self.origin, key: stranger).verify(Self.signedVector)
        } throws: { ($0 as? MerkleLogError)?.code == .unverifiedNote }
        let grown = Self.signedVector.replacingOccurrences(of: "\n8\n", with: "\n9\n")
        #expect {
            try CheckpointVerifier(origin: Self.origin, key: Self.trusted).verify(grown)
        } throws: { ($0 as? MerkleLogError)?.code == .invalidSignature }
        let unsigned = String(Self.signedVector.prefix(while: { $0 != "—" }))
        #expect(throws: MerkleLogError.self) { try CheckpointVerifier(origin: Self.origin, key: Self.trusted).verify(unsigned) }
    }

    @Test func rejectsMalformedBodies() {
        let root = "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg="
        let bad = [
            "o\n8\n\(root)",                 // no final newline
            "o\n8\n",                        // no root
            "\n8\n\(root)\n",                // empty origin
            "o\n08\n\(root)\n",              // leading zero
            "o\n-8\n\(root)\n",
            "o\n+8\n\(root)\n",
            "o\n8.0\n\(root)\n",
            "o\n18446744073709551616\n\(root)\n",   // 2^64
            "o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQy=\n",   // 31 bytes
            "o\n8\nnot base64!\n",
            "o\n8\n\(root)\n\nextension after empty line\n",
        ]
        for text in bad {
            #expect(throws: MerkleLogError.self, "\(text.debugDescription)") { try Checkpoint(parsing: text) }
        }
        #expect((try? Checkpoint(parsing: "o\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"))?.size == 0)
        #expect((try? Checkpoint(parsing: "o\n18446744073709551615\n\(root)\nx\ny\n"))?.extensions == ["x", "y"])
    }
}
