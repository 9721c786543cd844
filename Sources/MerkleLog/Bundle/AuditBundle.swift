import Foundation

/// Everything an outside auditor needs to verify an audit log offline, in one file: the log's
/// origin and verifier key, its signed checkpoints, consistency proofs between successive
/// checkpoints, optional inclusion proofs, and all entries in order.
///
/// The file is JSON Lines (one JSON object per line); see docs/audit-bundle.md. Build bundles with
/// ``AuditBundleBuilder`` (or stream the lines with ``AuditBundleEncoder``) and check them with
/// ``BundleVerifier``.
///
/// ```swift
/// let bundle = try AuditBundle(jsonLines: Array(try Data(contentsOf: url)))
/// let report = BundleVerifier(trustedKey: key).verify(bundle)
/// ```
public struct AuditBundle: Sendable, Hashable {
    /// The `format` value of the header line.
    public static let format = "herald-audit-bundle"
    /// The format version this library writes and reads.
    public static let version = 1

    /// The log's origin.
    public var origin: String
    /// The verifier key named by the exporter (informational: auditors verify with their own trusted key).
    public var verifierKey: String
    /// Signed checkpoint notes, in increasing tree size.
    public var checkpoints: [String]
    /// Consistency proofs between successive checkpoints.
    public var consistencyProofs: [ConsistencyProof]
    /// Inclusion proofs of selected entries in a checkpointed tree.
    public var inclusionProofs: [InclusionProof]
    /// All entries, in log order.
    public var entries: [AuditEnvelope]

    /// Creates a bundle from its parts.
    public init(
        origin: String,
        verifierKey: String,
        checkpoints: [String] = [],
        consistencyProofs: [ConsistencyProof] = [],
        inclusionProofs: [InclusionProof] = [],
        entries: [AuditEnvelope] = []
    ) {
        self.origin = origin
        self.verifierKey = verifierKey
        self.checkpoints = checkpoints
        self.consistencyProofs = consistencyProofs
        self.inclusionProofs = inclusionProofs
        self.entries = entries
    }

    /// Reads a bundle from its JSON Lines bytes; errors name the offending line.
    public init(jsonLines bytes: some Collection<UInt8>) throws(MerkleLogError) {
        self = try AuditBundleDecoder().decode(Array(bytes))
    }

    /// The bundle as JSON Lines: header, checkpoints, proofs, then entries, one object per line.
    public func jsonLines() -> [UInt8] {
        let encoder = AuditBundleEncoder()
        var out = encoder.headerLine(origin: origin, verifierKey: verifierKey)
        for checkpoint in checkpoints { out += encoder.line(checkpoint: checkpoint) }
        for proof in consistencyProofs { out += encoder.line(consistencyProof: proof) }
        for proof in inclusionProofs { out += encoder.line(inclusionProof: proof) }
        for entry in entries { out += encoder.line(entry: entry) }
        return out
    }
}
