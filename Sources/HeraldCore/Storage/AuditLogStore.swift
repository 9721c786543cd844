/// Storage port for reading the tamper-evident audit log and keeping its checkpoints: what proofs,
/// checkpoints, exports and retention need. Appending is not here: entries are sealed by an
/// ``AuditSealer`` inside the transaction of each change (see ``AuditQueueStore`` and the `audit:`
/// parameters of the other ports).
///
/// Reads see a consistent state; entries, once written, never change (except that retention erases
/// sealed values).
///
/// ```swift
/// let head = try await store.auditLogHead()
/// let first = try await store.auditRecords(from: 0, limit: 100, includingSealedValues: false)
/// ```
public protocol AuditLogStore: Sendable {
    /// The head: the number of entries and the sealer's state after the last.
    func auditLogHead() async throws -> AuditLogHead

    /// Up to `limit` entries from index `start`, in index order. Without `includingSealedValues` the
    /// sealed fields carry only their commitments.
    func auditRecords(from start: UInt64, limit: Int, includingSealedValues: Bool) async throws -> [SealedAuditRecord]

    /// The leaf hashes of the entries with indices in `range`, in order (fewer when the log is shorter).
    func auditLeafHashes(in range: Range<UInt64>) async throws -> [[UInt8]]

    /// The cached hashes of the named perfect subtrees; subtrees not cached are absent from the answer.
    func auditSubtreeHashes(_ keys: [AuditSubtreeKey]) async throws -> [AuditSubtreeKey: [UInt8]]

    /// Stores a signed checkpoint; a later checkpoint of the same size replaces an earlier one.
    func saveAuditCheckpoint(_ checkpoint: AuditCheckpointRecord) async throws

    /// The checkpoint of the largest size, if any.
    func latestAuditCheckpoint() async throws -> AuditCheckpointRecord?

    /// Up to `limit` checkpoints of size ≥ `size`, by increasing size.
    func auditCheckpoints(fromSize size: UInt64, limit: Int) async throws -> [AuditCheckpointRecord]

    /// Thins old checkpoints: of those issued before `time`, keeps only the largest of each `interval`
    /// (by issue time) and deletes the rest; returns how many were deleted. The latest is always kept.
    func pruneAuditCheckpoints(issuedBefore time: Timestamp, keepingOnePer interval: Duration) async throws -> Int

    /// Erases the sealed values (value and salt; the commitment stays) recorded before `time`, at most
    /// `limit`, and stores `audit` in the same transaction when anything was erased. Returns how many.
    func eraseSealedAuditValues(recordedBefore time: Timestamp, limit: Int, audit: [AuditEvent]) async throws -> Int
}
