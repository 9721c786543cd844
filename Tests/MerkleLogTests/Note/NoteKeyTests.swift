import Foundation
import MerkleLog
import Testing

/// Key strings against the published Go `sumdb/note` example and a vector derived with Python (derive_vectors.py).
@Suite struct NoteKeyTests {
    static let peterVerifier = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    static let peterSigner = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
    /// Seed 00 01 … 1f, name audit.herald.example/log.
    static let heraldVerifier = "audit.herald.example/log+54116e3f+AQOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4"
    static let heraldSigner = "PRIVATE+KEY+audit.herald.example/log+54116e3f+AQABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f"

    @Test func parsesAndRoundTripsVerifierKeys() throws {
        for text in [Self.peterVerifier, Self.heraldVerifier] {
            let key = try NoteVerifierKey(parsing: text)
            #expect(key.description == text)
            #expect(key.publicKeyBytes.count == 32)
        }
        let peter = try NoteVerifierKey(parsing: Self.peterVerifier)
        #expect(peter.name == "PeterNeumann")
        #expect(peter.keyID == 0xc74f_20a3)
        #expect(peter.keyIDHex == "c74f20a3")
    }

    @Test func signerKeysDeriveTheirVerifierKeys() throws {
        let peter = try NoteSignerKey(parsing: Self.peterSigner)
        #expect(peter.verifierKey.description == Self.peterVerifier)
        #expect(peter.encodedPrivateKey == Self.peterSigner)
        let herald = try NoteSignerKey(name: "audit.herald.example/log", seed: Array(0..<32))
        #expect(herald.verifierKey.description == Self.heraldVerifier)
        #expect(herald.encodedPrivateKey == Self.heraldSigner)
        #expect(try NoteSignerKey(parsing: Self.heraldSigner).verifierKey == herald.verifierKey)
    }

    @Test func signerDescriptionDoesNotLeakTheSecret() throws {
        let key = try NoteSignerKey(parsing: Self.peterSigner)
        #expect(!key.description.contains("AYEKFALV"))
        #expect(!"\(key)".contains("AYEKFALV"))
    }

    @Test func rejectsEveryManglingOfAVerifierKey() {
        let bytes = Array(Self.peterVerifier.utf8)
        var accepted: [String] = []
        for i in 0...bytes.count {
            for j in (i + 1)...max(i + 1, bytes.count) where j <= bytes.count && !(i == 0 && j == bytes.count) {
                let text = String(decoding: bytes[i..<j], as: UTF8.self)
                if (try? NoteVerifierKey(parsing: text)) != nil { accepted.append(text) }
            }
        }
        for i in bytes.indices {
            var changed = bytes
            changed[i] &+= 1
            let text = String(decoding: changed, as: UTF8.self)
            if (try? NoteVerifierKey(parsing: text)) != nil { accepted.append(text) }
        }
        #expect(accepted.isEmpty, "\(accepted.prefix(5))")
        // Wrong key length and unknown algorithm, each with a matching key ID.
        #expect(throws: MerkleLogError.self) { try NoteVerifierKey(parsing: "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==") }
        #expect(throws: MerkleLogError.self) { try NoteVerifierKey(parsing: "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW") }
    }

    @Test func rejectsEveryManglingOfASignerKey() {
        let bytes = Array(Self.peterSigner.utf8)
        var accepted: [String] = []
        for i in 0..<bytes.count {
            for j in (i + 1)...bytes.count where !(i == 0 && j == bytes.count) {
                let text = String(decoding: bytes[i..<j], as: UTF8.self)
                if (try? NoteSignerKey(parsing: text)) != nil { accepted.append(text) }
            }
        }
        for i in bytes.indices {
            var changed = bytes
            changed[i] &+= 1
            let text = String(decoding: changed, as: UTF8.self)
            if (try? NoteSignerKey(parsing: text)) != nil { accepted.append(text) }
        }
        #expect(accepted.isEmpty, "\(accepted.count) manglings accepted")
    }

    @Test func rejectsInvalidNames() {
        for name in ["", "a b", "a+b", "tab\tname", "nbsp\u{00A0}name", "line\nbreak"] {
            #expect(throws: MerkleLogError.self, "\(name)") { try NoteSignerKey(name: name, seed: Array(0..<32)) }
        }
        #expect(throws: MerkleLogError.self) { try NoteSignerKey(name: "ok", seed: Array(0..<31)) }
    }

    @Test func generatedKeysSignAndVerify() throws {
        let key = try NoteSignerKey.generate(name: "audit.example/test")
        let other = try NoteSignerKey.generate(name: "audit.example/test")
        #expect(key.verifierKey != other.verifierKey)
        let message = Array("hello".utf8)
        let signature = try key.signature(for: message)
        #expect(signature.count == 64)
        #expect(key.verifierKey.isValidSignature(signature, for: message))
        #expect(!other.verifierKey.isValidSignature(signature, for: message))
        #expect(!key.verifierKey.isValidSignature(signature, for: Array("hellO".utf8)))
        let restored = try NoteSignerKey(parsing: key.encodedPrivateKey)
        #expect(restored.verifierKey == key.verifierKey)
    }
}
