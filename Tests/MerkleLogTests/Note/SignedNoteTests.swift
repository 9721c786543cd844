import Foundation
import MerkleLog
import Testing

@Suite struct SignedNoteTests {
    static let text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
    static let peterSig = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
    static let enochSig = "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n"
    static let peter = try! NoteVerifierKey(parsing: NoteKeyTests.peterVerifier)
    static let enoch = try! NoteVerifierKey(parsing: "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop")

    @Test func verifiesThePublishedGoNote() throws {
        let note = try SignedNote(parsing: Self.text + "\n" + Self.peterSig)
        #expect(note.text == Self.text)
        #expect(note.signatures.count == 1)
        #expect(note.signatures[0].keyName == "PeterNeumann")
        #expect(note.signatures[0].keyID == 0xc74f_20a3)
        try note.verify(with: Self.peter)
        #expect(note.serialized == Self.text + "\n" + Self.peterSig)
    }

    @Test func ignoresSignaturesByOtherKeys() throws {
        let note = try SignedNote(parsing: Self.text + "\n" + Self.peterSig + Self.enochSig)
        try note.verify(with: Self.peter)
        try note.verify(with: Self.enoch)
        let unrelated = try NoteSignerKey.generate(name: "PeterNeumann").verifierKey   // same name, other key ID
        #expect {
            try note.verify(with: unrelated)
        } throws: { ($0 as? MerkleLogError)?.code == .unverifiedNote }
    }

    @Test func signingReproducesTheGoSignature() throws {
        let signer = try NoteSignerKey(parsing: NoteKeyTests.peterSigner)
        let note = try SignedNote.sign(text: Self.text, with: signer)
        try note.verify(with: Self.peter)
        #if os(Linux)
        // BoringSSL's Ed25519 is deterministic (RFC 8032); Apple's CryptoKit randomises signatures.
        #expect(note.serialized == Self.text + "\n" + Self.peterSig)
        #endif
    }

    @Test func rejectsForgedAndDamagedSignatures() throws {
        let forged = Self.peterSig.replacingOccurrences(of: "x08go/ZJ", with: "x08go/ZK")
        #expect {
            try SignedNote(parsing: Self.text + "\n" + forged).verify(with: Self.peter)
        } throws: { ($0 as? MerkleLogError)?.code == .invalidSignature }
        let editedText = Self.text.replacingOccurrences(of: "answer", with: "ANSWER")
        #expect {
            try SignedNote(parsing: editedText + "\n" + Self.peterSig).verify(with: Self.peter)
        } throws: { ($0 as? MerkleLogError)?.code == .invalidSignature }
        // One good and one bad signature by the same key: reject.
        #expect {
            try SignedNote(parsing: Self.text + "\n" + Self.peterSig + forged).verify(with: Self.peter)
        } throws: { ($0 as? MerkleLogError)?.code == .invalidSignature }
    }

    @Test func rejectsMalformedNotes() {
        let bad: [String] = [
            Self.text,
            Self.text + "\n",
            Self.text + "\n" + String(Self.peterSig.dropLast()),
            "\u{01}" + Self.text + "\n" + Self.peterSig,
            Self.text + "\n" + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            Self.text + "\n" + Self.peterSig + "Unexpected line.\n",
            Self.text + "\n" + "- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            Self.text + "\n" + "— PeterNeumann AAAA\n",
            Self.text + "\n" + "— PeterNeumann\n",
            Self.text + "\n" + String(repeating: Self.peterSig, count: 101),
            "tab\there\n\n" + Self.peterSig,
        ]
        for message in bad {
            #expect(throws: MerkleLogError.self, "\(message.debugDescription.prefix(80))") { try SignedNote(parsing: message) }
        }
        var invalidUTF8 = Array((Self.text + "\n" + Self.peterSig).utf8)
        invalidUTF8.insert(0xFF, at: 0)
        #expect(throws: MerkleLogError.self) { try SignedNote(parsing: invalidUTF8) }
        let signer = try! NoteSignerKey(parsing: NoteKeyTests.peterSigner)
        #expect(throws: MerkleLogError.self) { try SignedNote.sign(text: "no newline", with: signer) }
    }

    @Test func acceptsTextWithBlankLines() throws {
        let signer = try NoteSignerKey.generate(name: "poet")
        let text = "line one\n\nline three\n"
        let note = try SignedNote.sign(text: text, with: signer)
        let parsed = try SignedNote(parsing: note.serialized)
        #expect(parsed.text == text)
        try parsed.verify(with: signer.verifierKey)
    }
}
