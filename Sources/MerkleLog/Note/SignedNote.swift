/// A C2SP signed note: UTF-8 text ending in a newline, a blank line, then one or more lines
/// `— <key name> <base64(4-byte key ID ‖ signature)>`; the signature covers the text including its
/// final newline (c2sp.org/signed-note).
///
/// Parsing checks the syntax only; ``verify(with:)`` checks the signature of one trusted key and
/// ignores signatures by other keys, as the specification requires.
///
/// ```swift
/// let note = try SignedNote.sign(text: "hello\n", with: signer)
/// let parsed = try SignedNote(parsing: note.serialized)
/// try parsed.verify(with: signer.verifierKey)
/// ```
public struct SignedNote: Sendable, Hashable {
    /// The most signature lines accepted (the specification requires at least 16).
    public static let maximumSignatures = 100

    /// The signed text, including its final newline.
    public let text: String
    /// The signature lines in order.
    public let signatures: [NoteSignature]

    /// Creates a note from its parts, checking the text rules.
    public init(text: String, signatures: [NoteSignature]) throws(MerkleLogError) {
        try Self.validateText(text)
        for signature in signatures {
            guard NoteKeyName.isValid(signature.keyName) else {
                throw MerkleLogError(.malformedNote, "signature key name \"\(signature.keyName)\" is invalid")
            }
        }
        self.text = text
        self.signatures = signatures
    }

    /// Signs `text` (which must end with a newline) with one or more keys.
    public static func sign(text: String, with keys: NoteSignerKey...) throws(MerkleLogError) -> SignedNote {
        try validateText(text)
        var signatures: [NoteSignature] = []
        for key in keys {
            let signature = try key.signature(for: Array(text.utf8))
            signatures.append(NoteSignature(keyName: key.name, keyID: key.keyID, signature: signature))
        }
        return try SignedNote(text: text, signatures: signatures)
    }

    /// Parses a signed note from its bytes.
    public init(parsing bytes: some Collection<UInt8>) throws(MerkleLogError) {
        let message = Array(bytes)
        guard let string = String(validating: message, as: UTF8.self) else {
            throw MerkleLogError(.malformedNote, "a signed note must be valid UTF-8")
        }
        try self.init(parsing: string)
    }

    /// Parses a signed note.
    public init(parsing message: String) throws(MerkleLogError) {
        func malformed(_ why: String) -> MerkleLogError { MerkleLogError(.malformedNote, why) }
        let utf8 = Array(message.utf8)
        for byte in utf8 where byte < 0x20 && byte != 0x0A {
            throw malformed("a signed note must not contain control characters other than newline")
        }
        // The signatures follow the last blank line.
        var split: Int?
        var i = utf8.count - 2
        while i >= 0 {
            if utf8[i] == 0x0A && utf8[i + 1] == 0x0A {
                split = i
                break
            }
            i -= 1
        }
        guard let split else { throw malformed("no blank line before the signatures") }
        let textBytes = utf8[...split]
        let signatureBytes = utf8[(split + 2)...]
        guard let last = signatureBytes.last, last == 0x0A else {
            throw malformed("the signature block must be non-empty and end with a newline")
        }
        let emDashSpace: [UInt8] = [0xE2, 0x80, 0x94, 0x20]
        var signatures: [NoteSignature] = []
        for line in signatureBytes.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false) {
            guard signatures.count < Self.maximumSignatures else {
                throw malformed("more than \(Self.maximumSignatures) signatures")
            }
            guard line.starts(with: emDashSpace) else {
                throw malformed("a signature line must start with an em dash and a space")
            }
            let rest = line.dropFirst(emDashSpace.count)
            guard let space = rest.firstIndex(of: 0x20) else { throw malformed("a signature line needs a key name and a signature") }
            let name = String(decoding: rest[..<space], as: UTF8.self)
            let encoded = String(decoding: rest[(space + 1)...], as: UTF8.self)
            guard NoteKeyName.isValid(name) else { throw malformed("invalid key name \"\(name)\" in a signature line") }
            guard !encoded.isEmpty, let raw = Base64.decode(encoded), raw.count >= 5 else {
                throw malformed("the signature by \(name) is not base64 of a key ID and a signature")
            }
            let keyID = raw.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            signatures.append(NoteSignature(keyName: name, keyID: keyID, signature: Array(raw.dropFirst(4))))
        }
        self.text = String(decoding: textBytes, as: UTF8.self)
        self.signatures = signatures
    }

    /// The note in its wire form: text, blank line, signature lines.
    public var serialized: String {
        text + "\n" + signatures.map { $0.line + "\n" }.joined()
    }

    /// Checks the signatures claimed by `key`: throws ``MerkleLogError/Code/unverifiedNote`` if there
    /// is none and ``MerkleLogError/Code/invalidSignature`` if one does not verify. Other keys'
    /// signatures are ignored.
    public func verify(with key: NoteVerifierKey) throws(MerkleLogError) {
        let claimed = signatures.filter { $0.isClaimed(by: key) }
        guard !claimed.isEmpty else {
            throw MerkleLogError(.unverifiedNote, "the note carries no signature by \(key.name)+\(key.keyIDHex)")
        }
        let message = Array(text.utf8)
        for signature in claimed where !key.isValidSignature(signature.signature, for: message) {
            throw MerkleLogError(.invalidSignature, "the signature by \(key.name)+\(key.keyIDHex) does not verify")
        }
    }

    /// Whether the note carries a valid signature by `key` and no invalid one.
    public func isVerified(by key: NoteVerifierKey) -> Bool {
        (try? verify(with: key)) != nil
    }

    private static func validateText(_ text: String) throws(MerkleLogError) {
        guard text.utf8.last == 0x0A else { throw MerkleLogError(.malformedNote, "note text must end with a newline") }
        for byte in text.utf8 where byte < 0x20 && byte != 0x0A {
            throw MerkleLogError(.malformedNote, "note text must not contain control characters other than newline")
        }
    }
}
