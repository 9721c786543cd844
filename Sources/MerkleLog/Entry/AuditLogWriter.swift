/// Produces the next audit envelope from the previous state and a payload: a pure function (no I/O,
/// no clock, no shared state), fast enough to run inside the database transaction that records the
/// change being audited.
///
/// ```swift
/// let writer = try AuditLogWriter(origin: "audit.herald.example/log", key: signerKey)
/// var state = AuditLogState.empty                  // or the persisted state
/// let result = try writer.append(payload, to: state)
/// try db.transaction {
///     try db.insertAuditRow(result.envelope, leafHash: result.leafHash)
///     try db.saveAuditState(result.state)
/// }
/// state = result.state
/// ```
public struct AuditLogWriter: Sendable {
    /// The log's origin (signed into every entry).
    public let origin: String
    /// The log's signing key.
    public let key: NoteSignerKey
    /// Completed perfect subtrees of at least this height are reported in
    /// ``AuditAppendResult/completedSubtrees`` (for a subtree cache); `nil` reports none.
    public let reportSubtreesFromLevel: Int?

    /// Creates a writer for a log.
    public init(origin: String, key: NoteSignerKey, reportSubtreesFromLevel: Int? = nil) throws(MerkleLogError) {
        try LogOrigin.validate(origin)
        self.origin = origin
        self.key = key
        self.reportSubtreesFromLevel = reportSubtreesFromLevel
    }

    /// The verifier key auditors use.
    public var verifierKey: NoteVerifierKey { key.verifierKey }

    /// Signs and chains `payload` as entry `state.size`.
    public func append(_ payload: AuditPayload, to state: AuditLogState) throws(MerkleLogError) -> AuditAppendResult {
        let index = state.size
        let digest = payload.digest
        let signature = try key.signature(for: EntryEncoding.signedMessage(origin: origin, index: index, payloadDigest: digest))
        let envelope = try AuditEnvelope(index: index, previousHash: state.lastLeafHash, payload: payload, signature: signature)
        let leafHash = envelope.leafHash(payloadDigest: digest)
        var frontier = state.frontier
        var completed: [SubtreeHash] = []
        if let minimumLevel = reportSubtreesFromLevel {
            frontier.append(leafHash) { level, index, hash in
                if level >= minimumLevel { completed.append(SubtreeHash(level: level, index: index, hash: hash)) }
            }
        } else {
            frontier.append(leafHash)
        }
        return AuditAppendResult(
            envelope: envelope,
            leafHash: leafHash,
            state: AuditLogState(uncheckedFrontier: frontier, lastLeafHash: leafHash),
            completedSubtrees: completed
        )
    }
}
