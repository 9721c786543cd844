import Foundation
import MerkleLog
import Testing

/// Many single tamperings at pseudo-random places (including the first and last entry and
/// checkpoint boundaries): the report must name exactly the tampered entry and kind.
@Suite struct RandomTamperingTests {
    /// SplitMix64: a small deterministic generator so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let log = SampleLog.makeLog(entries: 64, checkpointEvery: 8)
    static let bundle = try! log.bundle()

    enum Tamper: CaseIterable {
        case edit, editAndRechain, editPreviousHash, drop, swapApart, insertForged, duplicate
    }

    static func apply(_ tamper: Tamper, at k: Int, other: Int, to bundle: inout AuditBundle) -> [String] {
        switch tamper {
        case .edit:
            bundle.entries[k] = SampleLog.editing(bundle.entries[k], publicText: "{\"edited\":\(k)}")
            return ["edited@\(k)"]
        case .editAndRechain:
            bundle.entries[k] = SampleLog.editing(bundle.entries[k], publicText: "{\"edited\":\(k)}")
            SampleLog.rechain(&bundle.entries, from: k + 1)
            return ["edited@\(k)"]
        case .editPreviousHash:
            bundle.entries[k] = SampleLog.with(bundle.entries[k], previousHash: TreeHasher.leafHash(Array("x".utf8)))
            return ["edited@\(k)"]
        case .drop:
            bundle.entries.remove(at: k)
            return ["dropped@\(k)"]
        case .swapApart:
            bundle.entries.swapAt(k, other)
            return ["reordered@\(min(k, other))", "reordered@\(max(k, other))"]
        case .insertForged:
            let previous = k > 0 ? bundle.entries[k - 1].leafHash : .zero
            bundle.entries.insert(SampleLog.forged(index: UInt64(k), previousHash: previous), at: k)
            return ["inserted@\(k)"]
        case .duplicate:
            bundle.entries.insert(bundle.entries[other], at: k)
            return ["inserted@\(other)"]
        }
    }

    @Test(arguments: Tamper.allCases)
    func singleTamperingIsNamedExactly(_ tamper: Tamper) {
        var generator = SplitMix(state: 0xC0FFEE)
        let count = Self.bundle.entries.count
        var positions = [0, count - 1, 7, 8, 9] + (0..<12).map { _ in Int.random(in: 0..<count, using: &generator) }
        if tamper == .swapApart { positions = positions.filter { $0 + 3 < count } }
        var failures: [String] = []
        for k in positions {
            // A partner at least 3 away: closer swaps have several equally small explanations.
            let other = tamper == .swapApart ? Int.random(in: (k + 3)..<count, using: &generator) : Int.random(in: 0..<count, using: &generator)
            var tampered = Self.bundle
            let expected = Self.apply(tamper, at: k, other: other, to: &tampered)
            let report = BundleVerifier(trustedKey: SampleLog.trusted).verify(tampered)
            let named = report.problems.compactMap { finding in finding.entryIndex.map { "\(finding.kind.rawValue)@\($0)" } }
            let general = report.problems.filter { $0.entryIndex == nil }.map(\.kind)
            if named != expected || !general.allSatisfy({ $0 == .rootMismatch }) {
                failures.append("\(tamper) at \(k) (other \(other)): expected \(expected), got \(named) + \(general)")
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func severalTamperingsAreAllNamed() {
        var tampered = Self.bundle
        // Positions refer to the bundle as it is being changed; later operations come first to keep them simple.
        tampered.entries.insert(SampleLog.forged(index: 50, previousHash: tampered.entries[49].leafHash), at: 50)
        tampered.entries.swapAt(30, 40)
        tampered.entries.remove(at: 20)
        tampered.entries[5] = SampleLog.editing(tampered.entries[5], publicText: "{}")
        tampered.entries[2] = tampered.entries[2].redacting(["msisdn"])
        let report = BundleVerifier(trustedKey: SampleLog.trusted).verify(tampered)
        let named = report.findings.compactMap { finding in finding.entryIndex.map { "\(finding.kind.rawValue)@\($0)" } }
        #expect(named == ["redacted@2", "edited@5", "dropped@20", "reordered@30", "reordered@40", "inserted@50"], "\(report.rendered)")
    }
}
