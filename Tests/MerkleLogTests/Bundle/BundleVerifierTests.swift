import Foundation
import MerkleLog
import Testing

/// Each tampering must be reported with its exact kind and entry index, and nothing else at entry level.
@Suite struct BundleVerifierTests {
    typealias Kind = AuditFinding.Kind

    static func verify(_ bundle: AuditBundle, known: [String] = []) -> VerificationReport {
        BundleVerifier(trustedKey: SampleLog.trusted, knownCheckpoints: known).verify(bundle)
    }

    /// (kind, entry index) of every problem that names an entry.
    static func entryProblems(_ report: VerificationReport) -> [String] {
        report.problems.compactMap { finding in finding.entryIndex.map { "\(finding.kind.rawValue)@\($0)" } }
    }

    static func generalProblems(_ report: VerificationReport) -> [String] {
        report.problems.filter { $0.entryIndex == nil }.map { "\($0.kind.rawValue)@\($0.checkpointSize.map(String.init) ?? "-")" }
    }

    var bundle: AuditBundle { SampleLog.bundle }

    @Test func cleanBundlePasses() {
        let report = Self.verify(bundle)
        #expect(report.isClean, "\(report.rendered)")
        #expect(report.findings.isEmpty, "\(report.findings)")
        #expect(report.entryCount == 40)
        #expect(report.trustedCheckpointCount == 4)
        #expect(report.verifiedTreeSize == 40)
        #expect(report.verdict.hasPrefix("CLEAN"))
        #expect(bundle.consistencyProofs.count == 3)
        #expect(bundle.inclusionProofs.count == 2)
        // Sequential and parallel checking agree.
        #expect(BundleVerifier(trustedKey: SampleLog.trusted, parallel: false).verify(bundle) == report)
    }

    @Test func editedPayloadIsNamed() {
        var tampered = bundle
        tampered.entries[17] = SampleLog.editing(tampered.entries[17], publicText: #"{"action":"message.submit","seq":99}"#)
        let report = Self.verify(tampered)
        #expect(Self.entryProblems(report) == ["edited@17"], "\(report.rendered)")
        #expect(Self.generalProblems(report) == ["rootMismatch@20"], "\(report.rendered)")
        #expect(report.verifiedTreeSize == 10)
        #expect(report.problems.first { $0.kind == .edited }?.position == 17)
    }

    @Test func editedAndRechainedIsNamedOnce() {
        var tampered = bundle
        tampered.entries[17] = SampleLog.editing(tampered.entries[17], publicText: #"{"action":"nothing to see"}"#)
        SampleLog.rechain(&tampered.entries, from: 18)
        let report = Self.verify(tampered)
        #expect(Self.entryProblems(report) == ["edited@17"], "\(report.rendered)")
        #expect(Self.generalProblems(report) == ["rootMismatch@20"], "\(report.rendered)")
    }

    @Test func editedPreviousHashIsNamed() {
        var tampered = bundle
        tampered.entries[22] = SampleLog.with(tampered.entries[22], previousHash: tampered.entries[5].leafHash)
        let report = Self.verify(tampered)
        #expect(Self.entryProblems(report) == ["edited@22"], "\(report.rendered)")
        #expect(Self.generalProblems(report) == ["rootMismatch@30"], "\(report.rendered)")
    }

    @Test func alteredSealedValueIsNamed() throws {
        var tampered = bundle
        let entry = tampered.entries[8]
        let field = entry.payload.sealedFields[0]
        let altered = try SealedField(name: field.name, commitment: field.commitment,
                                      opening: SealedField.Opening(salt: field.opening!.salt, value: Array("+447700900000".utf8)))
        tampered.entries[8] = try AuditEnvelope(index: 8, previousHash: entry.previousHash,
                                                payload: AuditPayload(publicData: entry.payload.publicData, sealedFields: [altered]),
                                                signature: entry.signature)
        let report = Self.verify(tampered)
        // The leaf commits to the commitment, not the value: only the entry itself is wrong.
        #expect(Self.entryProblems(report) == ["edited@8"], "\(report.rendered)")
        #expect(Self.generalProblems(report).isEmpty, "\(report.rendered)")
    }

    @Test func droppedEntryIsNamed() {
        var tampered = bundle
        tampered.entries.remove(at: 17)
        let report = Self.verify(tampered)
        #expect(Self.entryProblems(report) == ["dropped@17"], "\(report.rendered)")
        #expect(report.problems.first { $0.kind == .dropped }?.lastEntryIndex == 17)
        #expect(Self.generalProblems(report) == ["rootMismatch@20"], "\(report.rendered)")
    }

    @Test func droppedRangeIsOneFinding() {
        var tampered = bundle
        tampered.entries.removeSubrange(12..<15)
        let report = Self.verify(tampered)
        #expect(Self.entryProblems(report) == ["dropped@12"], "\(report.rendered)")
        #expect(report.problems.first { $0.kind == .dropped }?.lastEntryIndex == 14)
    }

    @Test func swappedEntriesAreNamed() {
        var tampered = bundle
        tampered.entries.swapAt(12, 25)
        let report = Self.verify(tampered)
        #expect(Set(Self.entryProblems(report)) == ["reordered@12", "reordered@25"], "\(report.rendered)")
        #expect(Self.entryProblems(report).count == 2)
        #expect(Self.generalProblems(report) == ["rootMismatch@20"], "\(report.rendered)")
    }

    @Test func swappedNeighboursAreNamed() {
        var tampered = bundle
        tampered.entries.swapAt(12, 13)
        let report = Self.verify(tampered)
        // Which of two neighbours moved is undecidable; the later one is reported.
        #expect(Self.entryProblems(report) == ["reordered@13"], "\(report.rendered)")
        #expect(report.problems.first { $0.kind == .reordered }?.position == 12)
    }

    @Test func swappedContentsKeepingIndexFieldsAreNamed() {
        // Rows keep their index column, contents trade places: signatures reveal the true indices.
        var tampered = bundle
        let a = tampered.entries[12]
        let b = tampered.entries[25]
        tampered.entries[12] = SampleLog.with(b, index: 12)
        tampered.entries[25] = SampleLog.with(a, index: 25)
        let report = Self.verify(tampered)
        let kinds = Set(report.problems.filter { $0.entryIndex != nil }.map(\.kind))
        #expect(kinds == [.reordered, .renumbered], "\(report.rendered)")
        #expect(Set(report.findings(of: .reordered).compactMap(\.entryIndex)) == [12, 25])
    }

    @Test func insertedForgedEntryIsNamed() {
        var tampered = bundle
        tampered.entries.insert(SampleLog.forged(index: 17, previousHash: tampered.entries[16].leafHash), at: 17)
        let report = Self.verify(tampered)
        #expect(Self.entryProblems(report) == ["inserted@17"], "\(report.rendered)")
        #expect(report.problems.first { $0.kind == .inserted }?.position == 17)
        #expect(Self.generalProblems(report) == ["rootMismatch@20"], "\(report.rendered)")
    }

    @Test func insertedAndRenumberedIsNamed() {
        var tampered = bundle
        tampered.entries.insert(SampleLog.forged(index: 17, previousHash: tampered.entries[16].leafHash), at: 17)
        for p in 18..<tampered.entries.count {
            tampered.entries[p] = SampleLog.with(tampered.entries[p], index: UInt64(p))
        }
        let report = Self.verify(tampered)
        #expect(Self.entryProblems(report) == ["inserted@17", "renumbered@17"], "\(report.rendered)")
        let renumbered = report.findings(of: .renumbered)
        #expect(renumbered.count == 1)
        #expect(renumbered.first?.lastEntryIndex == 39)
    }

    @Test func appendedForgedEntryIsNamed() {
        var tampered = bundle
        tampered.entries.append(SampleLog.forged(index: 40, previousHash: tampered.entries[39].leafHash))
        let report = Self.verify(tampered)
        #expect(Self.entryProblems(report) == ["inserted@40"], "\(report.rendered)")
        #expect(Self.generalProblems(report).isEmpty, "\(report.rendered)")
    }

    @Test func duplicatedEntryIsNamed() {
        var tampered = bundle
        tampered.entries.append(tampered.entries[5])
        let report = Self.verify(tampered)
        #expect(Self.entryProblems(report) == ["inserted@5"], "\(report.rendered)")
        #expect(report.problems.first { $0.kind == .inserted }?.position == 40)
    }

    @Test func truncatedTailIsCaughtByTheBundlesOwnCheckpoint() {
        var tampered = bundle
        tampered.entries.removeLast(5)
        let report = Self.verify(tampered)
        #expect(Self.entryProblems(report) == ["dropped@35"], "\(report.rendered)")
        #expect(report.problems.first { $0.kind == .dropped }?.lastEntryIndex == 39)
    }

    @Test func truncatedTailIsCaughtByAPreviouslyKnownCheckpoint() {
        let known = SampleLog.log.checkpoints.last!.serialized   // size 40, kept by the auditor last time
        var tampered = bundle
        tampered.entries.removeLast(5)
        tampered.checkpoints.removeLast()
        tampered.consistencyProofs.removeLast()
        let report = Self.verify(tampered, known: [known])
        #expect(Self.entryProblems(report) == ["dropped@35"], "\(report.rendered)")
        #expect(report.problems.first { $0.kind == .dropped }?.lastEntryIndex == 39)
        #expect(report.problems.first { $0.kind == .dropped }?.message.contains("previously known") == true)
        // Without the auditor's checkpoint the cut is invisible: the report only notes the unchecked tail.
        let blind = Self.verify(tampered)
        #expect(blind.isClean)
        #expect(blind.findings(of: .notCheckpointed).first?.entryIndex == 30)
    }

    @Test func forgedCheckpointIsNamed() throws {
        var tampered = bundle
        // Drop the tail and "fix" the last checkpoint's size and root, keeping the old signature line.
        tampered.entries.removeLast(5)
        let root = try ProofGenerator(store: InMemoryHashStore(leafHashes: tampered.entries.map(\.leafHash))).rootHash(treeSize: 35)
        let original = try SignedNote(parsing: tampered.checkpoints[3])
        let body = Checkpoint(origin: SampleLog.origin, size: 35, rootHash: root)
        tampered.checkpoints[3] = try SignedNote(text: body.text, signatures: original.signatures).serialized
        tampered.consistencyProofs.removeLast()
        let report = Self.verify(tampered)
        #expect(Self.generalProblems(report) == ["badCheckpointSignature@35"], "\(report.rendered)")
        #expect(report.findings(of: .badCheckpointSignature).first?.message.contains("forged") == true)
        // A checkpoint signed with another key of the same name is "not signed by the trusted key".
        var other = bundle
        let signer = try CheckpointSigner(origin: SampleLog.origin, key: SampleLog.forgerKey)
        other.checkpoints.append(try signer.sign(Checkpoint(origin: SampleLog.origin, size: 40, rootHash: root)).serialized)
        let otherReport = Self.verify(other)
        #expect(Self.generalProblems(otherReport) == ["badCheckpointSignature@40"], "\(otherReport.rendered)")
    }

    @Test func redactedEntriesPassAsRedacted() {
        var redacted = bundle
        redacted.entries[4] = redacted.entries[4].redacting(["msisdn"])
        redacted.entries[6] = redacted.entries[6].redacting(["msisdn"])
        let report = Self.verify(redacted)
        #expect(report.isClean, "\(report.rendered)")
        #expect(report.findings(of: .redacted).compactMap(\.entryIndex) == [4, 6])
        #expect(report.findings.count == 2)
        #expect(report.verdict.contains("2 entries have redacted fields"))
    }

    @Test func forkAgainstAPreviouslyKnownCheckpointIsNamed() throws {
        // The key holder rewrote history: a second log with the same key diverging at entry 15.
        var fork = try InMemoryAuditLog(origin: SampleLog.origin, key: SampleLog.key)
        for i in 0..<20 { try fork.append(SampleLog.payload(i == 15 ? 999 : i)) }
        let forkedCheckpoint = try fork.checkpoint().serialized
        let report = Self.verify(bundle, known: [forkedCheckpoint])
        #expect(Self.entryProblems(report).isEmpty, "\(report.rendered)")
        #expect(Self.generalProblems(report) == ["inconsistentCheckpoints@20"], "\(report.rendered)")
        // A known checkpoint of a size the bundle has no checkpoint for.
        var fork2 = try InMemoryAuditLog(origin: SampleLog.origin, key: SampleLog.key)
        for i in 0..<25 { try fork2.append(SampleLog.payload(i == 3 ? 999 : i)) }
        let report2 = Self.verify(bundle, known: [try fork2.checkpoint().serialized])
        #expect(Self.generalProblems(report2) == ["inconsistentCheckpoints@25"], "\(report2.rendered)")
        // And a consistent known checkpoint is fine.
        let honest = SampleLog.makeLog(entries: 25, checkpointEvery: 25).checkpoints[0].serialized
        #expect(Self.verify(bundle, known: [honest]).isClean)
    }

    @Test func tamperedProofsAreNamed() throws {
        var tampered = bundle
        tampered.consistencyProofs[1].hashes[0] = tampered.consistencyProofs[0].hashes[0]
        tampered.inclusionProofs[0].hashes.removeLast()
        let report = Self.verify(tampered)
        #expect(Set(Self.generalProblems(report)) == ["badProof@30"], "\(report.rendered)")
        #expect(Self.entryProblems(report) == ["badProof@3"], "\(report.rendered)")
    }

    @Test func wrongKeyIsOneFinding() throws {
        let report = BundleVerifier(trustedKey: SampleLog.forgerKey.verifierKey).verify(bundle)
        #expect(report.problems.map(\.kind) == [.badCheckpointSignature, .badCheckpointSignature, .badCheckpointSignature, .badCheckpointSignature, .unsignedBundle],
                "\(report.rendered)")
        #expect(report.findings(of: .keyMismatch).count == 1)
    }

    @Test func uncheckpointedTailIsNotedButClean() throws {
        var log = SampleLog.makeLog()
        for i in 40..<43 { try log.append(SampleLog.payload(i)) }
        let report = Self.verify(try log.bundle())
        #expect(report.isClean, "\(report.rendered)")
        #expect(report.findings.map(\.kind) == [.notCheckpointed])
        #expect(report.findings[0].entryIndex == 40)
        #expect(report.findings[0].lastEntryIndex == 42)
    }

    @Test func bundleWithoutCheckpointsFails() {
        var tampered = bundle
        tampered.checkpoints = []
        tampered.consistencyProofs = []
        tampered.inclusionProofs = []
        let report = Self.verify(tampered)
        #expect(!report.isClean)
        #expect(Self.generalProblems(report) == ["missingCheckpoint@-"], "\(report.rendered)")
    }

    @Test func everyEntryEditedIsReportedPerEntry() {
        var tampered = bundle
        for p in tampered.entries.indices {
            tampered.entries[p] = SampleLog.editing(tampered.entries[p], publicText: "{\"p\":\(p)}")
        }
        let report = Self.verify(tampered)
        #expect(Self.entryProblems(report) == (0..<40).map { "edited@\($0)" }, "\(report.rendered)")
        #expect(Self.generalProblems(report) == ["rootMismatch@10"])
    }

    @Test func contentMovedFarKeepingIndexFieldsIsFound() {
        var tampered = bundle
        let a = tampered.entries[1]
        let b = tampered.entries[38]
        tampered.entries[1] = SampleLog.with(b, index: 1)
        tampered.entries[38] = SampleLog.with(a, index: 38)
        let report = Self.verify(tampered)
        #expect(Set(report.findings(of: .reordered).compactMap(\.entryIndex)) == [1, 38], "\(report.rendered)")
        #expect(report.findings(of: .edited).isEmpty)
    }

    @Test func wrongOriginIsNamed() {
        let report = BundleVerifier(trustedKey: SampleLog.trusted, expectedOrigin: "other.example/log").verify(bundle)
        #expect(report.problems.contains { $0.kind == .wrongOrigin })
        #expect(!report.isClean)
    }
}
