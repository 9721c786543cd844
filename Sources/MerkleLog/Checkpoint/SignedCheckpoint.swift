/// A checkpoint together with the signed note that carries it.
public struct SignedCheckpoint: Sendable, Hashable {
    /// The parsed checkpoint body.
    public let checkpoint: Checkpoint
    /// The signed note (text = ``checkpoint``'s text).
    public let note: SignedNote

    /// Pairs a checkpoint with its note; the note's text must be the checkpoint's body.
    public init(checkpoint: Checkpoint, note: SignedNote) throws(MerkleLogError) {
        guard note.text == checkpoint.text else {
            throw MerkleLogError(.malformedCheckpoint, "the note's text is not the checkpoint body")
        }
        self.checkpoint = checkpoint
        self.note = note
    }

    /// The signed note's wire form: what is published, stored and put in bundles.
    public var serialized: String { note.serialized }

    /// The tree size.
    public var size: UInt64 { checkpoint.size }
    /// The root hash.
    public var rootHash: MerkleHash { checkpoint.rootHash }
}
