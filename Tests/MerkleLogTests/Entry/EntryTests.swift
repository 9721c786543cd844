import Foundation
import MerkleLog
import Testing

/// Entry digests, signatures and leaves against the vector derived with Python (derive_vectors.py).
@Suite struct EntryTests {
    static let origin = "audit.herald.example/log"
    static let key = try! NoteSignerKey(name: origin, seed: Array(0..<32))
    static let writer = try! AuditLogWriter(origin: origin, key: key)

    static func vectorPayloads() throws -> [AuditPayload] {
        let msisdn = try SealedField.seal(name: "msisdn", value: Array("+447700900123".utf8), salt: Array(32..<64))
        return [
            try AuditPayload(publicData: Array(#"{"action":"route.update","operator":"alice"}"#.utf8), sealedFields: [msisdn]),
            try AuditPayload(publicData: Array(#"{"action":"operator.login","operator":"bob"}"#.utf8)),
        ]
    }

    @Test func matchesTheDerivedEnvelopeVector() throws {
        let payloads = try Self.vectorPayloads()
        #expect(payloads[0].sealedFields[0].commitment.hex == "f60aea9083626d853cf4e9ab5ad05f7d273cff485a91472dd71ff6e115927d21")
        #expect(payloads[0].digest.hex == "e1eaccd02671e53ba536492e300354f28021595b5b40b165b830eff30a848c40")
        #expect(payloads[1].digest.hex == "b85cc01eac7a7843e9d03dfefb9ab894972f7baa68020748e439994fa48ce747")

        // The Python signatures verify, and with them the leaf hashes and root match.
        let signatures = [
            "IkryF+YMvCISSq9sbQWMrHyqDatINurrOGP7sjMABYigdeTPCbxcwGFxPJJ2ityGeS8EhDvwxETGGwwJrdawAw==",
            "94cFD6p4fdS8hNJHzRpLnw3yaQBsZHfE+cCfTXC5pQkTAEgL2m/giklI5vxUPzbKYGBsMO59JCBgZFgUPDW8DQ==",
        ].map { Array(Data(base64Encoded: $0)!) }
        let first = try AuditEnvelope(index: 0, previousHash: .zero, payload: payloads[0], signature: signatures[0])
        #expect(first.hasValidSignature(origin: Self.origin, key: Self.key.verifierKey))
        #expect(first.leafHash.hex == "c8abaa0671b693a81aa46c2c1b635cc339134555c2acec37d5f68c6ce325f3ea")
        let second = try AuditEnvelope(index: 1, previousHash: first.leafHash, payload: payloads[1], signature: signatures[1])
        #expect(second.hasValidSignature(origin: Self.origin, key: Self.key.verifierKey))
        #expect(second.leafHash.hex == "35cb8b5e0d2c86673f7dd5b2000d109de4552a6c32645d01f4a94a93d02ff042")
        #expect(CompactRange(leafHashes: [first.leafHash, second.leafHash]).root.hex == "fb455d1af14a6008cae4b2af2136c66385cec128ce777c359c4aa153475e1123")
        #expect(first.leafData.count == 137)
        #expect(TreeHasher.leafHash(first.leafData) == first.leafHash)

        // The writer produces the same chain (byte-identical signatures where Ed25519 is deterministic).
        let a = try Self.writer.append(payloads[0], to: .empty)
        let b = try Self.writer.append(payloads[1], to: a.state)
        #expect(a.envelope.hasValidSignature(origin: Self.origin, key: Self.key.verifierKey))
        #expect(b.envelope.previousHash == a.leafHash)
        #expect(b.state.size == 2)
        #if os(Linux)
        #expect(a.envelope == first)
        #expect(b.envelope == second)
        #expect(b.state.rootHash.hex == "fb455d1af14a6008cae4b2af2136c66385cec128ce777c359c4aa153475e1123")
        #endif
    }

    @Test func signatureBindsOriginIndexAndPayload() throws {
        let payload = try Self.vectorPayloads()[1]
        let envelope = try Self.writer.append(payload, to: .empty).envelope
        let verifier = Self.key.verifierKey
        #expect(envelope.hasValidSignature(origin: Self.origin, key: verifier))
        #expect(!envelope.hasValidSignature(origin: "other.example/log", key: verifier))
        let renumbered = try AuditEnvelope(index: 1, previousHash: envelope.previousHash, payload: payload, signature: envelope.signature)
        #expect(!renumbered.hasValidSignature(origin: Self.origin, key: verifier))
        let edited = try AuditEnvelope(index: 0, previousHash: .zero, payload: AuditPayload(publicData: Array("{}".utf8)), signature: envelope.signature)
        #expect(!edited.hasValidSignature(origin: Self.origin, key: verifier))
        #expect(throws: MerkleLogError.self) { try AuditEnvelope(index: 0, previousHash: .zero, payload: payload, signature: [1, 2, 3]) }
    }

    @Test func redactionKeepsDigestSignatureAndLeaf() throws {
        let payload = try Self.vectorPayloads()[0]
        let envelope = try Self.writer.append(payload, to: .empty).envelope
        let redacted = envelope.redacting(["msisdn"])
        #expect(redacted.payload.sealedFields[0].isRedacted)
        #expect(redacted.payload.sealedFields[0].openingMatchesCommitment == nil)
        #expect(redacted.payloadDigest == envelope.payloadDigest)
        #expect(redacted.leafHash == envelope.leafHash)
        #expect(redacted.hasValidSignature(origin: Self.origin, key: Self.key.verifierKey))
        #expect(envelope.payload.redactingAll().digest == payload.digest)
        // An altered value no longer opens the commitment, though the digest (and signature) stay intact.
        let field = payload.sealedFields[0]
        let altered = try SealedField(name: field.name, commitment: field.commitment,
                                      opening: SealedField.Opening(salt: field.opening!.salt, value: Array("+447700900999".utf8)))
        #expect(altered.openingMatchesCommitment == false)
        #expect(field.openingMatchesCommitment == true)
    }

    @Test func payloadValidation() throws {
        let a = try SealedField.seal(name: "a", value: [1])
        #expect(throws: MerkleLogError.self) { try AuditPayload(publicData: [], sealedFields: [a, a]) }
        #expect(throws: MerkleLogError.self) { try SealedField.seal(name: "", value: [1]) }
        #expect(throws: MerkleLogError.self) { try SealedField.seal(name: "x", value: [1], salt: [0]) }
        #expect(throws: MerkleLogError.self) { try SealedField.seal(name: "new\nline", value: [1]) }
        let b = try SealedField.seal(name: "a", value: [1])
        #expect(a.commitment != b.commitment, "fresh salts must differ")
        // Names and order are part of the digest.
        let c = try SealedField.seal(name: "c", value: [2])
        #expect(try AuditPayload(publicData: [], sealedFields: [a, c]).digest != AuditPayload(publicData: [], sealedFields: [c, a]).digest)
    }

    @Test func writerChainsAndTracksTheTree() throws {
        let writer = try AuditLogWriter(origin: Self.origin, key: Self.key, reportSubtreesFromLevel: 2)
        var state = AuditLogState.empty
        var store = InMemoryHashStore()
        var previous = MerkleHash.zero
        var reported: [SubtreeHash] = []
        for i in 0..<37 {
            let result = try writer.append(AuditPayload(publicData: Array("entry \(i)".utf8)), to: state)
            #expect(result.envelope.index == UInt64(i))
            #expect(result.envelope.previousHash == previous)
            #expect(result.leafHash == result.envelope.leafHash)
            previous = result.leafHash
            store.append(result.leafHash)
            reported += result.completedSubtrees
            state = result.state
            #expect(state.rootHash == (try ProofGenerator(store: store).rootHash(treeSize: store.count)))
        }
        #expect(state.lastLeafHash == previous)
        #expect(reported.allSatisfy { $0.level >= 2 })
        #expect(reported.count == 9 + 4 + 2 + 1)   // heights 2, 3, 4, 5 in 37 leaves
        for subtree in reported {
            #expect(try store.cachedSubtreeHash(level: subtree.level, index: subtree.index) == subtree.hash)
        }
        // States survive persistence.
        let data = try JSONEncoder().encode(state)
        #expect(try JSONDecoder().decode(AuditLogState.self, from: data) == state)
        #expect(try AuditLogState(frontier: state.frontier, lastLeafHash: state.lastLeafHash) == state)
        #expect(throws: MerkleLogError.self) { try AuditLogState(frontier: state.frontier, lastLeafHash: .zero) }
        #expect(throws: MerkleLogError.self) { try AuditLogState(frontier: CompactRange(), lastLeafHash: previous) }
    }
}
