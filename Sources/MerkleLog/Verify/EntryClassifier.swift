/// Localises tampering entry by entry.
///
/// Signatures decide authenticity: an entry whose signature verifies is exactly what the log
/// signed for its (signed) index, whatever happened around it. Everything else follows from that:
/// unsigned entries are edits (when they occupy a slot the log is known to have had) or insertions;
/// signed entries that verify only under another index were renumbered; indices the log is known to
/// have had but nobody occupies were dropped; signed entries out of index order were reordered.
struct EntryClassifier {
    let entries: [AuditEnvelope]
    let facts: [EntryFacts]
    let origin: String
    let key: NoteVerifierKey
    /// The largest validly signed checkpoint size (0 if none).
    let checkpointedSize: UInt64
    /// Where that size comes from, for messages.
    let checkpointedSizeSource: String?

    /// Per-position outcome.
    private enum Status {
        case authentic(index: UInt64, renumbered: Bool)
        case edited(index: UInt64)
        case inserted
    }

    /// The findings plus what later checks need: which position holds each index, and which
    /// indices' leaves are not the ones the log signed.
    struct Result {
        var findings: [AuditFinding]
        var occupant: [UInt64: Int]
        var changedLeaves: Set<UInt64>
    }

    func classify() -> Result {
        var findings: [AuditFinding] = []
        let count = entries.count

        // 1. Signed indices, including entries whose index field was changed (they verify under another index).
        var signedIndex = [UInt64?](repeating: nil, count: count)
        var signedSet = Set<UInt64>()
        for p in 0..<count where facts[p].signatureValid {
            signedIndex[p] = entries[p].index
            signedSet.insert(entries[p].index)
        }
        var renumbered = [Bool](repeating: false, count: count)
        var lastSigned: (position: Int, index: UInt64)?
        for p in 0..<count {
            if let index = signedIndex[p] {
                lastSigned = (p, index)
                continue
            }
            let claimed = entries[p].index
            let expected = lastSigned.map { $0.index &+ UInt64(p - $0.position) } ?? UInt64(p)
            var candidates: [UInt64] = []
            for candidate in [expected, claimed &- 1, claimed &+ 1]
            where candidate != claimed && !candidates.contains(candidate) && !signedSet.contains(candidate)
                && !(claimed == 0 && candidate == .max) {
                candidates.append(candidate)
            }
            for candidate in candidates
            where entries[p].hasValidSignature(origin: origin, key: key, index: candidate, payloadDigest: facts[p].payloadDigest) {
                signedIndex[p] = candidate
                signedSet.insert(candidate)
                renumbered[p] = true
                lastSigned = (p, candidate)
                break
            }
        }

        // 2. How many entries the log is known to have had.
        var maxSigned = signedSet.max().map { $0 + 1 } ?? 0
        let knownSize = max(checkpointedSize, maxSigned)

        // 2b. Entries whose content moved to another row (index field kept): try the indices nobody
        // signed-occupies, nearest first, within a bounded number of signature checks.
        let unsignedPositions = (0..<count).filter { signedIndex[$0] == nil }
        if !unsignedPositions.isEmpty {
            var missing: [UInt64] = []
            var candidate: UInt64 = 0
            for index in signedSet.sorted() + [knownSize] {
                while candidate < min(index, knownSize) && missing.count < Self.missingIndexLimit {
                    missing.append(candidate)
                    candidate += 1
                }
                candidate = max(candidate, index &+ 1)
            }
            var budget = Self.recoveryBudget
            for p in unsignedPositions where budget > 0 && !missing.isEmpty {
                let claimed = entries[p].index
                let nearest = Self.nearest(to: claimed, in: missing, limit: min(Self.candidatesPerEntry, budget))
                for index in nearest where index != claimed && !signedSet.contains(index) {
                    budget -= 1
                    if entries[p].hasValidSignature(origin: origin, key: key, index: index, payloadDigest: facts[p].payloadDigest) {
                        signedIndex[p] = index
                        signedSet.insert(index)
                        renumbered[p] = true
                        break
                    }
                }
            }
            maxSigned = signedSet.max().map { $0 + 1 } ?? 0
        }

        // 3. One occupant per index; the rest are insertions (or, if signed differently, conflicts).
        var status = [Status](repeating: .inserted, count: count)
        var occupant: [UInt64: Int] = [:]
        func closest(_ positions: [Int], to index: UInt64) -> Int {
            positions.min { distance($0, index) < distance($1, index) } ?? positions[0]
        }
        var signedPositions: [UInt64: [Int]] = [:]
        for p in 0..<count { if let index = signedIndex[p] { signedPositions[index, default: []].append(p) } }
        for (index, positions) in signedPositions {
            let primary = closest(positions, to: index)
            occupant[index] = primary
            status[primary] = .authentic(index: index, renumbered: renumbered[primary])
            for p in positions where p != primary {
                if facts[p].payloadDigest == facts[primary].payloadDigest {
                    findings.append(AuditFinding(kind: .inserted, entryIndex: index, position: p,
                        message: "entry \(index) appears a second time at position \(p) (a copy of the signed entry at position \(primary))"))
                } else {
                    findings.append(AuditFinding(kind: .conflictingEntries, entryIndex: index, position: p,
                        message: "the log key signed two different entries with index \(index) (positions \(primary) and \(p)): the key was misused or compromised"))
                }
            }
        }
        var unsignedClaims: [UInt64: [Int]] = [:]
        for p in 0..<count where signedIndex[p] == nil { unsignedClaims[entries[p].index, default: []].append(p) }
        for (claimed, positions) in unsignedClaims {
            var rest = positions
            if occupant[claimed] == nil && claimed < knownSize {
                let primary = closest(positions, to: claimed)
                occupant[claimed] = primary
                status[primary] = .edited(index: claimed)
                rest.removeAll { $0 == primary }
            }
            for p in rest {
                let why: String
                if let holder = occupant[claimed], case .authentic = status[holder] {
                    why = "claims index \(claimed), which the signed entry at position \(holder) holds"
                } else if occupant[claimed] != nil {
                    why = "is a second unsigned entry claiming index \(claimed)"
                } else {
                    why = "claims index \(claimed), beyond every signed entry and checkpoint (the log is known to have \(knownSize) entries)"
                }
                findings.append(AuditFinding(kind: .inserted, entryIndex: claimed, position: p,
                    message: "the entry at position \(p) is not signed by the log key and \(why): it was forged and inserted"))
            }
        }

        // 4. Per-entry content findings, renumbering runs, redactions.
        var leafChanged = Set<UInt64>()
        var runStart: (index: UInt64, position: Int, offset: Int64)?
        var runEnd: UInt64 = 0
        func flushRun() {
            guard let run = runStart else { return }
            let shift = run.offset > 0 ? "+\(run.offset)" : "\(run.offset)"
            let what = run.index == runEnd
                ? "entry \(run.index) (position \(run.position)) carries index \(UInt64(Int64(run.index) + run.offset)) instead"
                : "entries \(run.index)…\(runEnd) (from position \(run.position)) carry index fields shifted by \(shift)"
            findings.append(AuditFinding(kind: .renumbered, entryIndex: run.index, lastEntryIndex: runEnd, position: run.position,
                message: "\(what); their signatures show their true indices"))
            runStart = nil
        }
        for p in 0..<count {
            switch status[p] {
            case .edited(let index):
                leafChanged.insert(index)
                findings.append(AuditFinding(kind: .edited, entryIndex: index, position: p,
                    message: "entry \(index) (position \(p)) does not match the log's signature: its index, payload or signature was changed after it was signed"))
            case .authentic(let index, let isRenumbered):
                if isRenumbered {
                    leafChanged.insert(index)
                    let offset = Int64(bitPattern: entries[p].index &- index)
                    if let run = runStart, run.offset == offset, index == runEnd &+ 1 {
                        runEnd = index
                    } else {
                        flushRun()
                        runStart = (index, p, offset)
                        runEnd = index
                    }
                } else {
                    flushRun()
                }
                if !facts[p].alteredFields.isEmpty {
                    let names = facts[p].alteredFields.map { "\"\($0)\"" }.joined(separator: ", ")
                    findings.append(AuditFinding(kind: .edited, entryIndex: index, position: p,
                        message: "sealed field\(facts[p].alteredFields.count == 1 ? "" : "s") \(names) of entry \(index) (position \(p)) no longer match\(facts[p].alteredFields.count == 1 ? "es" : "") the commitment the log signed: the value was altered"))
                }
                if !facts[p].redactedFields.isEmpty {
                    let names = facts[p].redactedFields.map { "\"\($0)\"" }.joined(separator: ", ")
                    findings.append(AuditFinding(kind: .redacted, entryIndex: index, position: p,
                        message: "sealed field\(facts[p].redactedFields.count == 1 ? "" : "s") \(names) of entry \(index) erased; the entry still verifies"))
                }
            case .inserted:
                flushRun()
            }
        }
        flushRun()

        // 5. Order: occupants should appear in increasing index order.
        let placed = (0..<count).compactMap { p -> (position: Int, index: UInt64)? in
            switch status[p] {
            case .authentic(let index, _), .edited(let index): (p, index)
            case .inserted: nil
            }
        }
        let inOrder = LongestIncreasingSubsequence.offsets(of: placed.map(\.index))
        for (offset, item) in placed.enumerated() where !inOrder.contains(offset) {
            let after = offset > 0 ? ", after entry \(placed[offset - 1].index)" : " (first)"
            findings.append(AuditFinding(kind: .reordered, entryIndex: item.index, position: item.position,
                message: "entry \(item.index) appears at position \(item.position)\(after): out of order"))
        }

        // 6. Gaps: indices below the known size that nobody occupies.
        let occupiedIndices = occupant.keys.sorted()
        var next: UInt64 = 0
        for index in occupiedIndices + [knownSize] {
            if index > next && next < knownSize {
                let last = min(index, knownSize) - 1
                let range = next == last ? "entry \(next) is" : "entries \(next)…\(last) are"
                let why: String
                if index == knownSize && (occupiedIndices.last.map { $0 < next } ?? true) {
                    let source = checkpointedSize == knownSize ? (checkpointedSizeSource ?? "a signed checkpoint") : "a signed entry"
                    why = "\(source) shows the log had at least \(knownSize) entries, but the bundle stops before them: the log was truncated"
                } else {
                    why = "the signed entries around them leave a gap"
                }
                findings.append(AuditFinding(kind: .dropped, entryIndex: next, lastEntryIndex: last,
                    message: "\(range) missing: \(why)"))
            }
            if index >= next { next = index &+ 1 }
        }

        // 7. The hash chain between neighbours whose leaves are as signed.
        for index in occupiedIndices {
            guard let p = occupant[index], case .authentic = status[p] else { continue }
            let expected: MerkleHash
            if index == 0 {
                expected = .zero
            } else if let q = occupant[index - 1], !leafChanged.contains(index - 1) {
                expected = facts[q].leafHash
            } else {
                continue
            }
            if entries[p].previousHash != expected {
                leafChanged.insert(index)
                let what = index == 0 ? "is not zero, as the first entry's must be" : "is not the leaf hash of entry \(index - 1)"
                findings.append(AuditFinding(kind: .edited, entryIndex: index, position: p,
                    message: "the previous-hash field of entry \(index) (position \(p)) \(what): it was altered"))
            }
        }

        // 8. Signed entries beyond the last checkpoint.
        if checkpointedSize < maxSigned {
            findings.append(AuditFinding(kind: .notCheckpointed, entryIndex: checkpointedSize, lastEntryIndex: maxSigned - 1,
                message: "entries \(checkpointedSize)…\(maxSigned - 1) are signed but no checkpoint covers them yet; had later entries been cut off, nothing would show it"))
        }
        return Result(findings: findings, occupant: occupant, changedLeaves: leafChanged)
    }

    /// At most this many missing indices are tried per unsigned entry.
    static let candidatesPerEntry = 64

    /// Up to `limit` values of the ascending array `sorted`, nearest to `value` first.
    static func nearest(to value: UInt64, in sorted: [UInt64], limit: Int) -> [UInt64] {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        var left = low - 1
        var right = low
        var result: [UInt64] = []
        while result.count < limit && (left >= 0 || right < sorted.count) {
            let takeLeft: Bool
            if left < 0 {
                takeLeft = false
            } else if right >= sorted.count {
                takeLeft = true
            } else {
                takeLeft = value - sorted[left] <= sorted[right] - value
            }
            if takeLeft {
                result.append(sorted[left])
                left -= 1
            } else {
                result.append(sorted[right])
                right += 1
            }
        }
        return result
    }

    /// At most this many missing indices are tried for moved entries.
    static let missingIndexLimit = 4_096
    /// At most this many extra signature checks are spent on moved entries (about 0.25 s).
    static let recoveryBudget = 4_096

    private func distance(_ position: Int, _ index: UInt64) -> UInt64 {
        let p = UInt64(position)
        return p > index ? p - index : index - p
    }
}
