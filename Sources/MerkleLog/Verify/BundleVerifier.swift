/// Verifies an audit bundle offline against a trusted verifier key and, optionally, checkpoints
/// the auditor kept from earlier audits, and says precisely what was tampered with.
///
/// Checks: every entry's signature (by the log key, over origin, index and payload digest); sealed
/// fields against their commitments (erased ones are reported as redacted, not edited); the index
/// sequence (gaps, duplicates, order, renumbering); the previous-hash chain; every checkpoint's
/// signature and origin; every validly signed checkpoint against the root recomputed from the
/// entries at its size; consistency and inclusion proofs; and the auditor's own checkpoints
/// (a larger one than the bundle reveals truncation, a different root at the same size a fork).
///
/// ```swift
/// let verifier = BundleVerifier(trustedKey: key, knownCheckpoints: [lastYearsCheckpoint])
/// let report = verifier.verify(bundle)
/// for finding in report.problems { print(finding) }
/// ```
public struct BundleVerifier: Sendable {
    /// The log's verifier key, obtained out of band.
    public let trustedKey: NoteVerifierKey
    /// Signed checkpoint notes the auditor kept from before.
    public let knownCheckpoints: [String]
    /// The origin to verify against; `nil` takes the bundle's.
    public let expectedOrigin: String?
    /// Whether to check entry signatures on all cores.
    public let parallel: Bool

    /// Creates a verifier.
    public init(trustedKey: NoteVerifierKey, knownCheckpoints: [String] = [], expectedOrigin: String? = nil, parallel: Bool = true) {
        self.trustedKey = trustedKey
        self.knownCheckpoints = knownCheckpoints
        self.expectedOrigin = expectedOrigin
        self.parallel = parallel
    }

    /// Verifies `bundle` with `trustedKey`, also against `knownCheckpoints`.
    public static func verify(_ bundle: AuditBundle, trustedKey: NoteVerifierKey, knownCheckpoints: [String] = []) -> VerificationReport {
        BundleVerifier(trustedKey: trustedKey, knownCheckpoints: knownCheckpoints).verify(bundle)
    }

    /// Verifies a bundle.
    public func verify(_ bundle: AuditBundle) -> VerificationReport {
        let origin = expectedOrigin ?? bundle.origin
        var general: [AuditFinding] = []
        if origin != bundle.origin {
            general.append(AuditFinding(kind: .wrongOrigin,
                message: "the bundle is for \"\(bundle.origin)\", not \"\(origin)\"; everything was checked as \"\(origin)\""))
        }
        if bundle.verifierKey != trustedKey.description {
            general.append(AuditFinding(kind: .keyMismatch,
                message: "the bundle names the key \(bundle.verifierKey.prefix(120)); everything was checked with your trusted key \(trustedKey)"))
        }

        // Checkpoints: which are validly signed, and do any two contradict each other?
        let verifier = CheckpointVerifier(origin: origin, key: trustedKey)
        var trusted: [TrustedCheckpoint] = []
        for (n, note) in bundle.checkpoints.enumerated() {
            switch Self.open(note, with: verifier, label: "the bundle's checkpoint #\(n + 1)") {
            case .trusted(let checkpoint): trusted.append(TrustedCheckpoint(checkpoint: checkpoint, source: .bundle(n)))
            case .rejected(let finding): general.append(finding)
            }
        }
        for (n, note) in knownCheckpoints.enumerated() {
            switch Self.open(note, with: verifier, label: "your previously known checkpoint #\(n + 1)") {
            case .trusted(let checkpoint): trusted.append(TrustedCheckpoint(checkpoint: checkpoint, source: .known(n)))
            case .rejected(let finding): general.append(finding)
            }
        }
        var forkedSizes = Set<UInt64>()
        for (size, group) in Dictionary(grouping: trusted, by: \.size).sorted(by: { $0.key < $1.key }) {
            let roots = Set(group.map(\.rootHash))
            if roots.count > 1 {
                forkedSizes.insert(size)
                general.append(AuditFinding(kind: .inconsistentCheckpoints, checkpointSize: size,
                    message: "the log key signed \(roots.count) different roots for size \(size) (\(group.map(\.label).joined(separator: ", "))): the log forked its history"))
            }
        }
        let largest = trusted.max { $0.size < $1.size }

        // Entries.
        let facts = EntryFacts.analyse(bundle.entries, origin: origin, key: trustedKey, parallel: parallel)
        var classification = EntryClassifier.Result(findings: [], occupant: [:], changedLeaves: [])
        if trusted.isEmpty && !facts.isEmpty && !facts.contains(where: \.signatureValid) {
            // Rather than one "inserted" per entry: say once that nothing verifies.
            general.append(AuditFinding(kind: .unsignedBundle,
                message: "none of the \(facts.count) entries and none of the checkpoints is signed by your trusted key \(trustedKey): the key is wrong, or everything was forged"))
        } else {
            classification = EntryClassifier(
                entries: bundle.entries, facts: facts, origin: origin, key: trustedKey,
                checkpointedSize: largest?.size ?? 0, checkpointedSizeSource: largest?.label
            ).classify()
        }

        // Roots recomputed from the entries as they stand, at every checkpointed size.
        let count = UInt64(bundle.entries.count)
        let sizes = Set(trusted.map(\.size).filter { $0 <= count }).sorted()
        var roots: [UInt64: MerkleHash] = [:]
        var range = CompactRange()
        var sizeIterator = sizes.makeIterator()
        var nextSize = sizeIterator.next()
        while let size = nextSize {
            while range.size < size { range.append(facts[Int(range.size)].leafHash) }
            roots[size] = range.root
            nextSize = sizeIterator.next()
        }
        func matches(_ checkpoint: TrustedCheckpoint) -> Bool? {
            roots[checkpoint.size].map { $0 == checkpoint.rootHash }
        }
        let bundleTrusted = trusted.filter { !$0.isKnown }.sorted { $0.size < $1.size }
        let mismatched = bundleTrusted.filter { matches($0) == false }
        if let first = mismatched.first {
            let lastGood = bundleTrusted.last { $0.size < first.size && matches($0) == true }
            let bound = lastGood.map { "the entries up to size \($0.size) match its checkpoint, so the first changed, missing or added leaf is at an index in \($0.size)…\(first.size - 1)" }
                ?? "no smaller checkpoint matches, so the first changed leaf is at an index below \(first.size)"
            let sizesText = mismatched.count == 1 ? "size \(first.size)" : "sizes \(first.size)…\(mismatched.last!.size)"
            general.append(AuditFinding(kind: .rootMismatch, checkpointSize: first.size,
                message: "\(mismatched.count) of \(bundleTrusted.count) validly signed checkpoints (\(sizesText)) do not match the root recomputed from this bundle's entries; \(bound)"))
        }
        for known in trusted where known.isKnown && !forkedSizes.contains(known.size) && matches(known) == false {
            if let witness = bundleTrusted.first(where: { $0.size >= known.size && matches($0) == true }) {
                general.append(AuditFinding(kind: .inconsistentCheckpoints, checkpointSize: known.size,
                    message: "\(known.label) is not consistent with \(witness.label), which matches the entries: the log's history before size \(known.size) was rewritten and re-signed (a fork)"))
            } else {
                general.append(AuditFinding(kind: .rootMismatch, checkpointSize: known.size,
                    message: "\(known.label) does not match the root recomputed from this bundle's first \(known.size) entries: entries before \(known.size) were changed, removed or added"))
            }
        }
        var verifiedTreeSize: UInt64 = 0
        for checkpoint in trusted.sorted(by: { $0.size < $1.size }) {
            guard matches(checkpoint) == true else { break }
            verifiedTreeSize = checkpoint.size
        }

        // Proofs carried by the bundle.
        var rootBySize: [UInt64: MerkleHash] = [:]
        for checkpoint in trusted where !forkedSizes.contains(checkpoint.size) { rootBySize[checkpoint.size] = checkpoint.rootHash }
        for proof in bundle.consistencyProofs {
            guard let fromRoot = rootBySize[proof.fromSize], let toRoot = rootBySize[proof.toSize] else { continue }
            do {
                try proof.verify(fromRoot: fromRoot, toRoot: toRoot)
            } catch {
                general.append(AuditFinding(kind: .badProof, checkpointSize: proof.toSize,
                    message: "the consistency proof from size \(proof.fromSize) to \(proof.toSize) does not verify against the signed checkpoints (\(error.message))"))
            }
        }
        for proof in bundle.inclusionProofs {
            guard let root = rootBySize[proof.treeSize] else { continue }
            // The proof is about entry `leafIndex` wherever it stands; a missing or altered entry is reported already.
            guard let position = classification.occupant[proof.leafIndex], !classification.changedLeaves.contains(proof.leafIndex) else { continue }
            do {
                try proof.verify(leafHash: facts[position].leafHash, rootHash: root)
            } catch {
                general.append(AuditFinding(kind: .badProof, entryIndex: proof.leafIndex, checkpointSize: proof.treeSize,
                    message: "the inclusion proof of entry \(proof.leafIndex) in the tree of size \(proof.treeSize) does not verify (\(error.message))"))
            }
        }
        if trusted.isEmpty && !general.contains(where: { $0.kind == .unsignedBundle }) {
            general.append(AuditFinding(kind: .missingCheckpoint,
                message: "no checkpoint is validly signed by the trusted key, so nothing commits to these entries as a whole (drops at the end or a rewritten history would go unnoticed)"))
        }

        let sortedEntryFindings = classification.findings.enumerated().sorted { a, b in
            let left = (a.element.entryIndex ?? .max, a.element.position ?? .max, a.offset)
            let right = (b.element.entryIndex ?? .max, b.element.position ?? .max, b.offset)
            return left < right
        }.map(\.element)
        return VerificationReport(
            origin: origin,
            entryCount: bundle.entries.count,
            trustedCheckpointCount: trusted.count,
            verifiedTreeSize: verifiedTreeSize,
            findings: sortedEntryFindings + general
        )
    }

    private enum Opened {
        case trusted(SignedCheckpoint)
        case rejected(AuditFinding)
    }

    private static func open(_ note: String, with verifier: CheckpointVerifier, label: String) -> Opened {
        do {
            return .trusted(try verifier.verify(note))
        } catch {
            // Name the size when the body can still be read, to help locate the checkpoint.
            let size = (try? SignedNote(parsing: note)).flatMap { try? Checkpoint(parsing: $0.text) }?.size
            let sized = size.map { "\(label) (size \($0))" } ?? label
            let kind: AuditFinding.Kind
            let message: String
            switch error.code {
            case .invalidSignature:
                kind = .badCheckpointSignature
                message = "\(sized) carries a signature by the trusted key that does not verify: it was forged or altered"
            case .unverifiedNote:
                kind = .badCheckpointSignature
                message = "\(sized) is not signed by the trusted key"
            case .wrongOrigin:
                kind = .wrongOrigin
                message = "\(sized) is for another log: \(error.message)"
            default:
                kind = .malformedCheckpoint
                message = "\(sized) cannot be read: \(error.message)"
            }
            return .rejected(AuditFinding(kind: kind, checkpointSize: size, message: message))
        }
    }
}

