import Foundation

/// A complete audit log held in memory: writer, checkpoint signer, hash store and entries wired
/// together. It is the reference for how the pieces fit (a database-backed log does the same with
/// its tables) and serves tests, benchmarks and small tools.
///
/// ```swift
/// var log = try InMemoryAuditLog(origin: "audit.herald.example/log", key: key)
/// try log.append(payload)
/// try log.checkpoint(issuedAt: .now)
/// let bundle = try log.bundle()
/// ```
public struct InMemoryAuditLog: Sendable {
    /// Produces entries.
    public let writer: AuditLogWriter
    /// Signs checkpoints.
    public let checkpointSigner: CheckpointSigner
    /// The state after the last append.
    public private(set) var state: AuditLogState = .empty
    /// All entries in order.
    public private(set) var entries: [AuditEnvelope] = []
    /// All checkpoints signed so far, in order.
    public private(set) var checkpoints: [SignedCheckpoint] = []
    /// Leaf hashes and subtree hashes of all entries.
    public private(set) var store = InMemoryHashStore()

    /// Creates an empty log signing entries and checkpoints with `key`.
    public init(origin: String, key: NoteSignerKey) throws(MerkleLogError) {
        self.writer = try AuditLogWriter(origin: origin, key: key)
        self.checkpointSigner = try CheckpointSigner(origin: origin, key: key)
    }

    /// The log's origin.
    public var origin: String { writer.origin }

    /// Appends an entry.
    @discardableResult
    public mutating func append(_ payload: AuditPayload) throws(MerkleLogError) -> AuditEnvelope {
        let result = try writer.append(payload, to: state)
        entries.append(result.envelope)
        store.append(result.leafHash)
        state = result.state
        return result.envelope
    }

    /// Signs a checkpoint of the current tree.
    @discardableResult
    public mutating func checkpoint(issuedAt: Date? = nil) throws(MerkleLogError) -> SignedCheckpoint {
        let checkpoint = try checkpointSigner.sign(state: state, issuedAt: issuedAt)
        checkpoints.append(checkpoint)
        return checkpoint
    }

    /// A proof generator over the log.
    public var proofs: ProofGenerator<InMemoryHashStore> { ProofGenerator(store: store) }

    /// The whole log as an audit bundle, with inclusion proofs for the given entries.
    public func bundle(inclusionProofsFor indices: [UInt64] = []) throws(MerkleLogError) -> AuditBundle {
        var builder = AuditBundleBuilder(origin: origin, verifierKey: writer.verifierKey)
        try builder.append(contentsOf: entries)
        for checkpoint in checkpoints { builder.addCheckpoint(checkpoint) }
        for index in indices { builder.addInclusionProof(forEntry: index) }
        return try builder.build()
    }
}
