import HeraldCore
import Logging
import MerkleLog

/// Herald's tamper-evident audit log for auditors: the ``AuditLogAccess`` implementation over any
/// ``AuditLogStore``, with the log's identity for signing checkpoints.
///
/// ```swift
/// let log = MerkleAuditLog(identity: identity, store: store, clock: SystemClock(), leaves: leaves, logger: logger)
/// let checkpoint = try await log.issueCheckpoint()
/// try await log.exportBundle(sealedValues: .none, inclusionProofsFor: []) { bytes in try file.write(contentsOf: bytes) }
/// ```
public struct MerkleAuditLog: AuditLogAccess {
    /// Most entries one ``entries(from:limit:includingSealedValues:)`` call returns.
    public static let maximumPageSize = 1_000

    public let identity: AuditLogIdentity
    public let store: any AuditLogStore
    /// Signs checkpoints; share it with the ``AuditCheckpointService`` so both extend the same history.
    public let issuer: AuditCheckpointIssuer

    /// - Parameter leaves: the registry shared with this process's ``MerkleAuditSealer`` (see ``SealedLeafRegistry``).
    public init(identity: AuditLogIdentity, store: any AuditLogStore, clock: any HeraldClock, leaves: SealedLeafRegistry? = nil, logger: Logger) {
        self.init(
            identity: identity, store: store, issuer: AuditCheckpointIssuer(identity: identity, store: store, clock: clock, leaves: leaves, logger: logger))
    }

    public init(identity: AuditLogIdentity, store: any AuditLogStore, issuer: AuditCheckpointIssuer) {
        self.identity = identity
        self.store = store
        self.issuer = issuer
    }

    public var verifierKey: String { identity.verifierKey }

    public func latestCheckpoint() async throws -> AuditCheckpointRecord {
        try await issuer.issue(force: false)
    }

    public func issueCheckpoint() async throws -> AuditCheckpointRecord {
        try await issuer.issue(force: true)
    }

    public func entries(from start: UInt64, limit: Int, includingSealedValues: Bool) async throws -> AuditEntryPage {
        let size = try await store.auditLogHead().size
        let count = max(0, min(limit, Self.maximumPageSize))
        guard start < size, count > 0 else { return AuditEntryPage(treeSize: size, records: []) }
        let records = try await store.auditRecords(from: start, limit: count, includingSealedValues: includingSealedValues)
        return AuditEntryPage(treeSize: size, records: records.filter { $0.index < size })
    }

    public func inclusionProof(leafIndex: UInt64, treeSize: UInt64) async throws -> AuditInclusionProof {
        let size = try await store.auditLogHead().size
        guard treeSize <= size else { throw HeraldError.auditRangeInvalid("the log has \(size) entries, not \(treeSize)", field: "tree_size") }
        guard leafIndex < treeSize else { throw HeraldError.auditRangeInvalid("entry \(leafIndex) is not in the tree of \(treeSize) entries", field: "index") }
        let proof = try await StoredProofs(store: store).compute(size: treeSize) { try $0.inclusionProof(leafIndex: leafIndex, treeSize: treeSize) }
        let leaf = try await store.auditLeafHashes(in: leafIndex..<(leafIndex + 1)).first ?? []
        return AuditInclusionProof(leafIndex: leafIndex, treeSize: treeSize, leafHash: leaf, hashes: proof.hashes.map(\.bytes))
    }

    public func consistencyProof(from fromSize: UInt64, to toSize: UInt64) async throws -> AuditConsistencyProof {
        let size = try await store.auditLogHead().size
        guard toSize <= size else { throw HeraldError.auditRangeInvalid("the log has \(size) entries, not \(toSize)", field: "to") }
        guard fromSize <= toSize else { throw HeraldError.auditRangeInvalid("'from' (\(fromSize)) must not exceed 'to' (\(toSize))", field: "from") }
        let proof = try await StoredProofs(store: store).compute(size: toSize) { try $0.consistencyProof(from: fromSize, to: toSize) }
        return AuditConsistencyProof(fromSize: fromSize, toSize: toSize, hashes: proof.hashes.map(\.bytes))
    }

    @discardableResult
    public func exportBundle(
        sealedValues: AuditSealedValueSelection, inclusionProofsFor indices: [UInt64], write: ([UInt8]) async throws -> Void
    ) async throws -> AuditExportSummary {
        try await AuditBundleExporter(identity: identity, store: store, issuer: issuer)
            .export(sealedValues: sealedValues, inclusionProofsFor: indices, write: write)
    }
}
