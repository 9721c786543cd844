import Benchmark
import Foundation
import MerkleLog

// Library-level costs of the audit log: appends (sign + chain + frontier) with checkpoints,
// proof generation and verification, and verification of a 100,000-entry bundle.
// Run: cd Benchmarks && swift package --disable-sandbox benchmark --target MerkleLogBenchmarks

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal],
        warmupIterations: 1,
        maxDuration: .seconds(5),
        maxIterations: 1_000
    )
    let perThousand = Benchmark.Configuration(scalingFactor: .kilo)
    let large = Benchmark.Configuration(metrics: [.wallClock, .cpuTotal, .throughput, .peakMemoryResident], maxDuration: .seconds(60), maxIterations: 5)

    // MARK: Appends

    Benchmark("Append: public payload, sign + chain + frontier", configuration: perThousand) { benchmark in
        var state = Fixtures.state100k
        for i in benchmark.scaledIterations {
            state = try! Fixtures.writer.append(Fixtures.publicPayloads[i & 1023], to: state).state
        }
        blackHole(state)
    }

    Benchmark("Append: seal 1 field + sign + chain + frontier", configuration: perThousand) { benchmark in
        var state = Fixtures.state100k
        for i in benchmark.scaledIterations {
            let sealed = try! SealedField.seal(name: "destination", value: Fixtures.destinations[i & 1023])
            let payload = try! AuditPayload(publicData: Fixtures.publicPayloads[i & 1023].publicData, sealedFields: [sealed])
            state = try! Fixtures.writer.append(payload, to: state).state
        }
        blackHole(state)
    }

    Benchmark("Append + checkpoint every 1,000 entries", configuration: perThousand) { benchmark in
        var state = Fixtures.state100k
        for i in benchmark.scaledIterations {
            state = try! Fixtures.writer.append(Fixtures.publicPayloads[i & 1023], to: state).state
            if state.size % 1_000 == 0 {
                blackHole(try! Fixtures.checkpointSigner.sign(state: state, issuedAt: Date()))
            }
        }
        blackHole(state)
    }

    Benchmark("Append + checkpoint every wall-clock second", configuration: perThousand) { benchmark in
        var state = Fixtures.state100k
        let clock = ContinuousClock()
        var nextCheckpoint = clock.now.advanced(by: .seconds(1))
        for i in benchmark.scaledIterations {
            state = try! Fixtures.writer.append(Fixtures.publicPayloads[i & 1023], to: state).state
            let now = clock.now
            if now >= nextCheckpoint {
                blackHole(try! Fixtures.checkpointSigner.sign(state: state, issuedAt: Date()))
                nextCheckpoint = now.advanced(by: .seconds(1))
            }
        }
        blackHole(state)
    }

    Benchmark("Checkpoint: sign") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! Fixtures.checkpointSigner.sign(state: Fixtures.state100k, issuedAt: Date()))
        }
    }

    Benchmark("Checkpoint: parse + verify") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! Fixtures.checkpointVerifier.verify(Fixtures.signedCheckpoint))
        }
    }

    // MARK: Proofs

    Benchmark("Inclusion proof: generate, 1M-leaf in-memory tree", configuration: perThousand, closure: { benchmark in
        let generator = ProofGenerator(store: Fixtures.store1M)
        for i in benchmark.scaledIterations {
            blackHole(try! generator.inclusionProof(leafIndex: UInt64(i &* 977 % 1_000_000), treeSize: 1_000_000))
        }
    }, setup: { _ = Fixtures.store1M })

    Benchmark("Inclusion proof: verify, 1M-leaf tree", configuration: perThousand, closure: { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Fixtures.inclusion1M.isValid(leafHash: Fixtures.leaf1M, rootHash: Fixtures.root1M))
        }
    }, setup: { _ = Fixtures.inclusion1M })

    Benchmark("Consistency proof: generate, 1M-leaf in-memory tree", configuration: perThousand, closure: { benchmark in
        let generator = ProofGenerator(store: Fixtures.store1M)
        for i in benchmark.scaledIterations {
            blackHole(try! generator.consistencyProof(from: UInt64(1 + i &* 7919 % 999_999), to: 1_000_000))
        }
    }, setup: { _ = Fixtures.store1M })

    Benchmark("Inclusion proof: generate, 100k leaves, store without subtree cache", closure: { benchmark in
        let generator = ProofGenerator(store: Fixtures.leavesOnly100k)
        for i in benchmark.scaledIterations {
            blackHole(try! generator.inclusionProof(leafIndex: UInt64(i &* 977 % 100_000), treeSize: 100_000))
        }
    }, setup: { _ = Fixtures.leavesOnly100k })

    // MARK: Bundles

    Benchmark("Bundle 100k: verify (all cores)", configuration: large, closure: { benchmark in
        for _ in benchmark.scaledIterations {
            let report = BundleVerifier(trustedKey: Fixtures.verifierKey).verify(Fixtures.bundle100k)
            precondition(report.isClean)
            blackHole(report)
        }
    }, setup: { _ = Fixtures.bundle100k })

    Benchmark("Bundle 100k: verify (one core)", configuration: large, closure: { benchmark in
        for _ in benchmark.scaledIterations {
            let report = BundleVerifier(trustedKey: Fixtures.verifierKey, parallel: false).verify(Fixtures.bundle100k)
            precondition(report.isClean)
            blackHole(report)
        }
    }, setup: { _ = Fixtures.bundle100k })

    Benchmark("Bundle 100k: encode JSON Lines", configuration: large, closure: { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Fixtures.bundle100k.jsonLines())
        }
    }, setup: { _ = Fixtures.bundle100k })

    Benchmark("Bundle 100k: decode JSON Lines", configuration: large, closure: { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! AuditBundle(jsonLines: Fixtures.bundle100kBytes))
        }
    }, setup: { _ = Fixtures.bundle100kBytes })
}

/// Shared inputs, built once on first use (outside the measured region via `setup`).
enum Fixtures {
    static let origin = "audit.herald.example/log"
    static let key = try! NoteSignerKey(name: origin, seed: Array(0..<32))
    static let verifierKey = key.verifierKey
    static let writer = try! AuditLogWriter(origin: origin, key: key)
    static let checkpointSigner = try! CheckpointSigner(origin: origin, key: key)
    static let checkpointVerifier = CheckpointVerifier(origin: origin, key: verifierKey)

    /// ~150-byte JSON payloads like the gateway's operator and network events.
    static let publicPayloads: [AuditPayload] = (0..<1024).map { i in
        try! AuditPayload(publicData: Array(#"{"action":"message.submit","account":"acct_\#(i % 97)","route":"uk-vodafone-\#(i % 5)","operation":"MT-ForwardSM","at":"2025-05-06T12:00:\#(i % 60)Z","messageId":"msg_\#(i)"}"#.utf8))
    }
    static let destinations: [[UInt8]] = (0..<1024).map { Array("+4477009\(String(format: "%05d", $0))".utf8) }

    /// A writer state 100,000 entries in (the frontier built from synthetic leaf hashes).
    static let state100k: AuditLogState = {
        var range = CompactRange()
        var last = MerkleHash.zero
        for i in 0..<100_000 {
            last = TreeHasher.leafHash(Array("leaf \(i)".utf8))
            range.append(last)
        }
        return try! AuditLogState(frontier: range, lastLeafHash: last)
    }()

    static let signedCheckpoint = try! checkpointSigner.sign(state: state100k, issuedAt: Date()).serialized

    static let leaves1M: [MerkleHash] = (0..<1_000_000).map { TreeHasher.leafHash(Array("leaf \($0)".utf8)) }
    static let store1M = InMemoryHashStore(leafHashes: leaves1M)
    static let root1M = try! ProofGenerator(store: store1M).rootHash(treeSize: 1_000_000)
    static let leaf1M = leaves1M[123_456]
    static let inclusion1M = try! ProofGenerator(store: store1M).inclusionProof(leafIndex: 123_456, treeSize: 1_000_000)

    struct LeavesOnlyStore: MerkleHashStore {
        let leaves: [MerkleHash]
        func leafCount() throws -> UInt64 { UInt64(leaves.count) }
        func leafHashes(in range: Range<UInt64>) throws -> [MerkleHash] {
            Array(leaves[Int(range.lowerBound)..<Int(range.upperBound)])
        }
    }

    static let leavesOnly100k = LeavesOnlyStore(leaves: Array(leaves1M.prefix(100_000)))

    /// 100,000 signed entries (half with a sealed field), a checkpoint every 1,000 entries.
    static let bundle100k: AuditBundle = {
        var log = try! InMemoryAuditLog(origin: origin, key: key)
        for i in 0..<100_000 {
            let base = publicPayloads[i & 1023]
            let payload = i % 2 == 0
                ? try! AuditPayload(publicData: base.publicData, sealedFields: [try! SealedField.seal(name: "destination", value: destinations[i & 1023])])
                : base
            try! log.append(payload)
            if (i + 1) % 1_000 == 0 { try! log.checkpoint(issuedAt: Date()) }
        }
        return try! log.bundle()
    }()

    static let bundle100kBytes = bundle100k.jsonLines()
}
