import HeraldCore
import MerkleLog

/// Writes an audit bundle (docs/audit-bundle.md) from the stored log, line by line, without holding the
/// log in memory: header, checkpoints (at most ``maximumCheckpoints``, spread over the log's history, the
/// newest always last), consistency proofs between successive ones, requested inclusion proofs, then every
/// entry up to the newest checkpoint.
///
/// The newest checkpoint is issued for the export (if the log grew since the last), so the bundle covers
/// every entry. When the node refuses to sign because the stored log is inconsistent (tampering), the
/// bundle carries the checkpoints stored so far and every entry present, so the verifier shows what changed.
struct AuditBundleExporter: Sendable {
    /// Most checkpoints put in one bundle.
    static let maximumCheckpoints = 100
    /// Entries read per query.
    static let pageSize = 1_000

    let identity: AuditLogIdentity
    let store: any AuditLogStore
    let issuer: AuditCheckpointIssuer

    func export(
        sealedValues: AuditSealedValueSelection, inclusionProofsFor indices: [UInt64], write: ([UInt8]) async throws -> Void
    ) async throws -> AuditExportSummary {
        var refusal: String?
        var newest: AuditCheckpointRecord?
        do {
            newest = try await issuer.issue(force: false)
        } catch let error as HeraldError where error.code == "audit_log_inconsistent" {
            refusal = error.message
            newest = try await store.latestAuditCheckpoint()
        }
        let size = newest?.size ?? 0
        for index in indices where index >= size {
            throw HeraldError.auditRangeInvalid("entry \(index) is not in the log of \(size) checkpointed entries", field: "inclusion_proof")
        }
        var checkpoints: [AuditCheckpointRecord] = []
        if let newest { checkpoints = try await selectedCheckpoints(upTo: newest) }
        let encoder = AuditBundleEncoder()
        try await write(encoder.headerLine(origin: identity.origin, verifierKey: identity.verifierKey))
        for checkpoint in checkpoints { try await write(encoder.line(checkpoint: checkpoint.note)) }

        let proofs = StoredProofs(store: store)
        for (older, newer) in zip(checkpoints, checkpoints.dropFirst()) where older.size < newer.size {
            let proof = try await proofs.compute(size: newer.size) { try $0.consistencyProof(from: older.size, to: newer.size) }
            try await write(encoder.line(consistencyProof: proof))
        }
        for index in Set(indices).sorted() {
            let proof = try await proofs.compute(size: size) { try $0.inclusionProof(leafIndex: index, treeSize: size) }
            try await write(encoder.line(inclusionProof: proof))
        }

        // Normally the entries the newest checkpoint covers; after a refusal, every entry present.
        let end = refusal == nil ? size : UInt64.max
        var unreadable: [UInt64] = []
        var written = 0
        var next: UInt64 = 0
        while next < end {
            let limit = Int(min(UInt64(Self.pageSize), end - next))
            let pageEnd = next + UInt64(limit) - 1
            let records = try await store.auditRecords(from: next, limit: limit, includingSealedValues: sealedValues.overlaps(next, pageEnd))
            guard let last = records.last else { break }
            var chunk: [UInt8] = []
            for record in records where record.index < end {
                guard let envelope = AuditRecordEnvelope.envelope(sealedValues.includes(record.index) ? record : record.redacted) else {
                    unreadable.append(record.index)
                    continue
                }
                chunk += encoder.line(entry: envelope)
                written += 1
            }
            try await write(chunk)
            next = last.index + 1
        }
        return AuditExportSummary(
            treeSize: size, entryCount: written, checkpointCount: checkpoints.count, unreadableEntries: unreadable, checkpointRefusal: refusal)
    }

    /// The stored checkpoints up to `newest`, thinned evenly to at most ``maximumCheckpoints``, ending with `newest`.
    private func selectedCheckpoints(upTo newest: AuditCheckpointRecord) async throws -> [AuditCheckpointRecord] {
        var all: [AuditCheckpointRecord] = []
        var from: UInt64 = 0
        while true {
            let page = try await store.auditCheckpoints(fromSize: from, limit: 1_000)
            all += page.filter { $0.size < newest.size }
            guard let last = page.last, page.count == 1_000, last.size < newest.size else { break }
            from = last.size + 1
        }
        let room = Self.maximumCheckpoints - 1
        if all.count > room {
            let step = Double(all.count) / Double(room)
            all = (0..<room).map { all[min(all.count - 1, Int((Double($0) * step).rounded(.down)))] }
        }
        return all + [newest]
    }
}
