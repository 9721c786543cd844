/// What auditors may ask of the tamper-evident audit log: signed checkpoints, entries, inclusion and
/// consistency proofs, and a complete bundle for offline verification. The HTTP API serves it to
/// operators with the `auditor` role; `herald audit export` uses the same implementation.
///
/// ```swift
/// let checkpoint = try await log.latestCheckpoint()           // checkpoint.note: C2SP signed note text
/// let proof = try await log.inclusionProof(leafIndex: 17, treeSize: 1_000)
/// ```
public protocol AuditLogAccess: Sendable {
    /// The log's verifier key in signed-note form (`<origin>+<key id>+<base64 key>`).
    var verifierKey: String { get }

    /// The latest stored checkpoint; signs one first when none covers the current size yet.
    func latestCheckpoint() async throws -> AuditCheckpointRecord

    /// Signs and stores a checkpoint of the current tree now.
    func issueCheckpoint() async throws -> AuditCheckpointRecord

    /// Up to `limit` entries from `start`, and the current tree size.
    func entries(from start: UInt64, limit: Int, includingSealedValues: Bool) async throws -> AuditEntryPage

    /// The RFC 9162 inclusion proof of entry `leafIndex` in the tree of `treeSize` entries.
    ///
    /// - Throws: ``HeraldError`` `audit_range_invalid` when the index or size is beyond the log.
    func inclusionProof(leafIndex: UInt64, treeSize: UInt64) async throws -> AuditInclusionProof

    /// The RFC 9162 consistency proof between the trees of `fromSize` and `toSize` entries.
    ///
    /// - Throws: ``HeraldError`` `audit_range_invalid` when `fromSize > toSize` or `toSize` is beyond the log.
    func consistencyProof(from fromSize: UInt64, to toSize: UInt64) async throws -> AuditConsistencyProof

    /// Writes a complete audit bundle (JSON Lines: header, checkpoints, proofs, every entry) piece by piece.
    /// Only the selected entries carry their sealed values; the bundle verifies either way, with the other
    /// fields reported as redacted.
    @discardableResult
    func exportBundle(
        sealedValues: AuditSealedValueSelection, inclusionProofsFor indices: [UInt64], write: ([UInt8]) async throws -> Void
    ) async throws -> AuditExportSummary
}
