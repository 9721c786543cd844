import Foundation

/// Signs checkpoints for one log with its signed-note key.
///
/// The key name should equal the origin (c2sp.org/tlog-checkpoint recommends it), but it need not.
///
/// ```swift
/// let signer = try CheckpointSigner(origin: "audit.herald.example/log", key: key)
/// let signed = try signer.sign(state: logState, issuedAt: .now)
/// store(signed.serialized)
/// ```
public struct CheckpointSigner: Sendable {
    /// The log's origin line.
    public let origin: String
    /// The signing key.
    public let key: NoteSignerKey

    /// Creates a signer; the origin must be a valid checkpoint origin line.
    public init(origin: String, key: NoteSignerKey) throws(MerkleLogError) {
        try LogOrigin.validate(origin)
        self.origin = origin
        self.key = key
    }

    /// Signs a checkpoint whose origin is this signer's.
    public func sign(_ checkpoint: Checkpoint) throws(MerkleLogError) -> SignedCheckpoint {
        guard checkpoint.origin == origin else {
            throw MerkleLogError(.wrongOrigin, "checkpoint origin \"\(checkpoint.origin)\" is not \"\(origin)\"")
        }
        for line in checkpoint.extensions where line.isEmpty || line.utf8.contains(where: { $0 < 0x20 }) {
            throw MerkleLogError(.malformedCheckpoint, "extension lines must be non-empty and contain no control characters")
        }
        let note = try SignedNote.sign(text: checkpoint.text, with: key)
        return try SignedCheckpoint(checkpoint: checkpoint, note: note)
    }

    /// Signs the tree head of a writer state, with the issue time as a `time` extension line.
    public func sign(state: AuditLogState, issuedAt: Date?) throws(MerkleLogError) -> SignedCheckpoint {
        try sign(Checkpoint(origin: origin, size: state.size, rootHash: state.rootHash, issuedAt: issuedAt))
    }
}
