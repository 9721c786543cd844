import ArgumentParser
import Foundation
import HeraldSQLite

/// `herald bench audit`: audit events stored per second with the sealed, checkpointed audit log,
/// against the same workload with unsealed rows (the peer, measured in the same run).
struct AuditBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit appends per second through the SQLite store, sealed with checkpoints every second vs unsealed.",
        discussion: """
            Each cell runs for --duration seconds on a fresh database in the temporary directory. \
            "sealed" signs and chains every event (Ed25519, SHA-256, sealed fields) in the transaction \
            and signs a checkpoint every --checkpoint-interval-ms; "unsealed" writes the same events as \
            plain rows. Build in release for real figures: \
            swift build -c release --product herald && .build/release/herald bench audit
            """
    )

    @Option(name: .long, help: "Seconds per measurement.")
    var duration: Double = 5

    @Option(name: .long, help: "Concurrent writers.")
    var writers: Int = 8

    @Option(name: .long, help: "SQLite synchronous mode: full or normal.")
    var synchronous: String = "full"

    @Option(name: .long, help: "Milliseconds between checkpoints while the log grows.")
    var checkpointIntervalMs: Int = 1000

    @Option(name: .long, parsing: .upToNextOption, help: "Workloads: single, batch, messages.")
    var workloads: [String] = AuditBench.Workload.allCases.map(\.rawValue)

    func run() async throws {
        guard let mode = SQLiteStoreConfiguration.Synchronous(rawValue: synchronous.uppercased()) else {
            throw ValidationError("--synchronous must be full or normal")
        }
        let selected = try workloads.map { name -> AuditBench.Workload in
            guard let workload = AuditBench.Workload(rawValue: name) else { throw ValidationError("unknown workload '\(name)'; use single, batch or messages") }
            return workload
        }
        print("audit events stored per second, SQLite synchronous=\(synchronous), \(writers) writers, \(duration) s per cell")
        var rows: [(AuditBench.Workload, AuditBenchResult, AuditBenchResult)] = []
        for workload in selected {
            let sealed = try await AuditBench.run(
                workload, sealed: true, writers: writers, duration: duration, synchronous: mode, checkpointInterval: .milliseconds(checkpointIntervalMs))
            print("  \(workload.rawValue): sealed \(sealed.formattedRate) events/s (\(sealed.checkpoints) checkpoints)")
            let unsealed = try await AuditBench.run(
                workload, sealed: false, writers: writers, duration: duration, synchronous: mode, checkpointInterval: .milliseconds(checkpointIntervalMs))
            print("  \(workload.rawValue): unsealed \(unsealed.formattedRate) events/s")
            rows.append((workload, sealed, unsealed))
        }
        print("")
        print("| workload | sealed + checkpoints (events/s) | unsealed rows (events/s) | ratio sealed/unsealed |")
        print("|---|---:|---:|---:|")
        for (workload, sealed, unsealed) in rows {
            let ratio = unsealed.rate > 0 ? String(format: "%.2f", sealed.rate / unsealed.rate) : "–"
            print("| \(workload.title) | \(sealed.formattedRate) | \(unsealed.formattedRate) | \(ratio) |")
        }
    }
}
