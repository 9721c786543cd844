/// Opens signed checkpoints of one log: checks the note syntax, the signature by the trusted key
/// (ignoring other keys' signatures, e.g. witnesses') and the origin line.
///
/// ```swift
/// let verifier = CheckpointVerifier(origin: "audit.herald.example/log", key: trustedKey)
/// let checkpoint = try verifier.verify(noteText)   // throws MerkleLogError
/// ```
public struct CheckpointVerifier: Sendable {
    /// The expected origin line.
    public let origin: String
    /// The trusted verifier key.
    public let key: NoteVerifierKey

    /// Creates a verifier for a log origin and its trusted key.
    public init(origin: String, key: NoteVerifierKey) {
        self.origin = origin
        self.key = key
    }

    /// Parses and verifies a signed checkpoint note.
    ///
    /// Throws ``MerkleLogError`` with code `.malformedNote`, `.unverifiedNote` (no signature by the
    /// key), `.invalidSignature` (a forged or damaged signature), `.malformedCheckpoint` or `.wrongOrigin`.
    public func verify(_ noteText: String) throws(MerkleLogError) -> SignedCheckpoint {
        let note = try SignedNote(parsing: noteText)
        try note.verify(with: key)
        let checkpoint = try Checkpoint(parsing: note.text)
        guard checkpoint.origin == origin else {
            throw MerkleLogError(.wrongOrigin, "the checkpoint is for \"\(checkpoint.origin)\", not \"\(origin)\"")
        }
        return try SignedCheckpoint(checkpoint: checkpoint, note: note)
    }
}
