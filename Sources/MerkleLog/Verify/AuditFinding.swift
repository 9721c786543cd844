/// One thing a ``BundleVerifier`` found: what kind, where (entry index or range, bundle position,
/// checkpoint size) and a sentence for people.
public struct AuditFinding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What was found. ``isProblem`` says whether it makes a bundle fail.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// An entry's signed content (index, payload, previous hash) or a sealed value was changed.
        case edited
        /// Entries the log is known to have had are missing.
        case dropped
        /// A signed entry appears out of order.
        case reordered
        /// An entry that the log never signed, or a second copy of a signed entry, was added.
        case inserted
        /// Signed entries carry index fields other than the ones they were signed with.
        case renumbered
        /// The log key signed two different entries with the same index.
        case conflictingEntries
        /// Sealed values were erased; the entry still verifies (not a problem).
        case redacted
        /// A checkpoint is not validly signed by the trusted key.
        case badCheckpointSignature
        /// A checkpoint note or body cannot be parsed.
        case malformedCheckpoint
        /// A checkpoint (or the bundle) names another log.
        case wrongOrigin
        /// A validly signed checkpoint does not match the root recomputed from the entries.
        case rootMismatch
        /// Two validly signed checkpoints cannot both be true of one append-only log (a fork).
        case inconsistentCheckpoints
        /// A consistency or inclusion proof in the bundle does not verify.
        case badProof
        /// Nothing in the bundle (no entry, no checkpoint) is signed by the trusted key: the wrong key, or all forged.
        case unsignedBundle
        /// The bundle has no validly signed checkpoint, so nothing commits to its entries as a whole.
        case missingCheckpoint
        /// Entries after the last checkpoint: individually signed, but their truncation would go unnoticed (not a problem).
        case notCheckpointed
        /// The bundle names a different verifier key than the trusted one (not a problem by itself).
        case keyMismatch

        /// Whether this kind makes the verdict fail.
        public var isProblem: Bool {
            switch self {
            case .redacted, .notCheckpointed, .keyMismatch: false
            default: true
            }
        }
    }

    /// What was found.
    public let kind: Kind
    /// The (first) entry index concerned, if any.
    public let entryIndex: UInt64?
    /// The last entry index of a range (``dropped``, ``renumbered``, ``notCheckpointed``), if a range.
    public let lastEntryIndex: UInt64?
    /// The 0-based position of the entry in the bundle's entry list, if it is there.
    public let position: Int?
    /// The tree size of the checkpoint concerned, if any.
    public let checkpointSize: UInt64?
    /// A sentence for people.
    public let message: String

    /// Creates a finding.
    public init(
        kind: Kind,
        entryIndex: UInt64? = nil,
        lastEntryIndex: UInt64? = nil,
        position: Int? = nil,
        checkpointSize: UInt64? = nil,
        message: String
    ) {
        self.kind = kind
        self.entryIndex = entryIndex
        self.lastEntryIndex = lastEntryIndex
        self.position = position
        self.checkpointSize = checkpointSize
        self.message = message
    }

    /// Whether this finding makes the verdict fail.
    public var isProblem: Bool { kind.isProblem }

    public var description: String {
        var location = ""
        if let entryIndex {
            location = lastEntryIndex.map { $0 == entryIndex ? " entry \(entryIndex)" : " entries \(entryIndex)…\($0)" } ?? " entry \(entryIndex)"
        } else if let checkpointSize {
            location = " checkpoint \(checkpointSize)"
        }
        return "[\(kind.rawValue)\(location)] \(message)"
    }
}
