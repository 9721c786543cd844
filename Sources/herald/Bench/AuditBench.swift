import Foundation
import HeraldAuditLog
import HeraldCore
import HeraldSQLite
import Logging
import Synchronization

/// One measurement of `herald bench audit`: how many audit events per second a workload stores.
struct AuditBenchResult {
    var events: Int
    var seconds: Double
    var checkpoints: Int

    var rate: Double { seconds > 0 ? Double(events) / seconds : 0 }
    var formattedRate: String { String(format: "%.0f", rate) }
}

/// The workloads of `herald bench audit`, each run against a fresh SQLite store in a temporary directory,
/// with the sealed audit log (and checkpoints every second) or, as the peer, with the unsealed queue.
enum AuditBench {
    enum Workload: String, CaseIterable {
        /// `appendAudit` with one event per call (denied requests, security events): one transaction each.
        case single
        /// `appendAudit` with 50 events per call.
        case batch
        /// `insertMessages` of one message with its `message.accept` event, concurrently (group commit).
        case messages

        var title: String {
            switch self {
            case .single: "appendAudit, 1 event per transaction"
            case .batch: "appendAudit, 50 events per transaction"
            case .messages: "insertMessages + message.accept, group commit"
            }
        }

        var eventsPerCall: Int { self == .batch ? 50 : 1 }
    }

    static func run(
        _ workload: Workload, sealed: Bool, writers: Int, duration: Double, synchronous: SQLiteStoreConfiguration.Synchronous, checkpointInterval: Duration
    ) async throws -> AuditBenchResult {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-bench-audit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let logger = Logger(label: "herald.bench.audit", factory: { _ in SwiftLogNoOpLogHandler() })
        var configuration = SQLiteStoreConfiguration()
        configuration.synchronous = synchronous
        let random = SystemRandomSource()
        let identity = try AuditLogIdentity.generate(origin: "bench.herald.example/audit", seed: random.bytes(32))
        let leaves = SealedLeafRegistry()
        let store = try SQLiteHeraldStore(
            path: directory.appendingPathComponent("herald.sqlite").path, configuration: configuration, logger: logger,
            auditSealer: sealed ? try MerkleAuditSealer(identity: identity, leaves: leaves) : nil)
        try await store.migrate()
        let clock = SystemClock()
        let issuer = AuditCheckpointIssuer(identity: identity, store: store, clock: clock, leaves: leaves, logger: logger)
        let counters = Counters()

        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            if sealed {
                group.addTask {
                    while !counters.stop.load(ordering: .relaxed) {
                        try await Task.sleep(for: checkpointInterval)
                        try await issuer.issue(force: false)
                        counters.checkpoints.add(1, ordering: .relaxed)
                    }
                }
            }
            for writer in 0..<writers {
                group.addTask {
                    var sequence = 0
                    while ContinuousClock.now - start < .seconds(duration) {
                        let now = clock.now()
                        switch workload {
                        case .single, .batch:
                            let events = (0..<workload.eventsPerCall).map { _ in Self.event(at: now, writer: writer) }
                            try await store.appendAudit(events)
                        case .messages:
                            let message = Self.message(at: now, writer: writer, sequence: sequence, random: random)
                            _ = try await store.insertMessages([message], idempotency: nil, webhooks: [], audit: [MessageAcceptAudit.event(for: message)])
                        }
                        sequence += 1
                        counters.written.add(workload.eventsPerCall, ordering: .relaxed)
                    }
                }
            }
            // Writers finish first; then the checkpoint loop is stopped.
            var finished = 0
            while finished < writers {
                try await group.next()
                finished += 1
            }
            counters.stop.store(true, ordering: .relaxed)
            try await group.waitForAll()
        }
        let elapsed = ContinuousClock.now - start
        let (seconds, attoseconds) = elapsed.components
        try await store.close()
        return AuditBenchResult(
            events: counters.written.load(ordering: .relaxed), seconds: Double(seconds) + Double(attoseconds) / 1e18,
            checkpoints: counters.checkpoints.load(ordering: .relaxed))
    }

    /// Shared by the writer and checkpoint tasks of one measurement.
    final class Counters: Sendable {
        let written = Atomic<Int>(0)
        let checkpoints = Atomic<Int>(0)
        let stop = Atomic<Bool>(false)
    }

    /// A typical network-level audit event: a carrier submission with the destination sealed.
    static func event(at time: Timestamp, writer: Int) -> AuditEvent {
        AuditEvent(
            at: time, actor: .system("dispatcher"), action: "carrier.submit_sm", target: "msg_bench_\(writer)",
            details: ["account": "acc_bench", "link": "sim", "parts": "1", "region": "DE", "channel": "http", "to_pseudonym": "p_3f2a9c1d"],
            sensitive: ["to": "+4915123456789"])
    }

    static func message(at time: Timestamp, writer: Int, sequence: Int, random: any RandomSource) -> Message {
        Message(
            id: MessageID.generate(at: time, random: random), accountID: AccountID(unchecked: "acc_01kbenchbenchbenchbenchbench"), to: "+4915123456789",
            from: "Herald", body: "Your order \(writer)-\(sequence) has shipped", bodyPolicy: .retained, status: .queued, clientReference: nil,
            callbackURL: nil, validUntil: time.adding(seconds: 3600), sendAt: time, createdAt: time,
            destination: Destination(regionCode: "DE", countryCallingCode: 49, mcc: "262", mnc: "01", numberType: "mobile"),
            encoding: "gsm7", partCount: 1, channel: .http, concatenationReference: 1,
            history: [StatusChange(status: .accepted, at: time), StatusChange(status: .queued, at: time)], originNode: "bench")
    }
}
