import Foundation
import HeraldApp
import HeraldCore
import HeraldPostgres
import Logging
import Prometheus

/// One setup of `herald bench cluster`: `nodes` Herald nodes on one store (SQLite in the first node's
/// data directory, or a fresh PostgreSQL schema dropped afterwards), a warm-up, then the measured load
/// sent round-robin over every node's HTTP API, and the figures read back from the shared store.
struct ClusterBenchRound: Sendable {
    var label: String
    var nodes: Int
    /// `postgres://…` of the database; `nil` for SQLite (one node only).
    var postgresURL: String?

    struct Load: Sendable {
        var messages: Int
        var warmup: Int
        var concurrency: Int
        /// Numbers of this round start here, so rounds never reuse a destination.
        var firstNumber: Int
    }

    func run(_ load: Load, simulatorPort: Int, metrics: PrometheusCollectorRegistry, logger: Logger) async throws -> ClusterBenchResult {
        precondition(nodes >= 1 && (postgresURL != nil || nodes == 1), "SQLite serves one node")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-bench-cluster-\(UUID().uuidString)")
        let schema = "herald_bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let databaseURL = postgresURL.map { $0 + ($0.contains("?") ? "&" : "?") + "schema=\(schema)" }
        var started: [ClusterBenchNode] = []
        do {
            let result = try await measure(load, databaseURL: databaseURL, directory: directory, simulatorPort: simulatorPort, metrics: metrics, logger: logger) {
                started.append($0)
            }
            await Self.tearDown(started, databaseURL: databaseURL, directory: directory, logger: logger)
            return result
        } catch {
            await Self.tearDown(started, databaseURL: databaseURL, directory: directory, logger: logger)
            throw error
        }
    }

    private func measure(
        _ load: Load, databaseURL: String?, directory: URL, simulatorPort: Int, metrics: PrometheusCollectorRegistry, logger: Logger,
        started: (ClusterBenchNode) -> Void
    ) async throws -> ClusterBenchResult {
        let first = try await ClusterBenchNode.start(
            id: "bench-1", databaseURL: databaseURL, simulatorPort: simulatorPort, directory: directory.appendingPathComponent("bench-1"),
            secrets: nil, metrics: metrics, logger: logger)
        started(first)
        guard let created = first.application.initialAccount else { throw BenchError("the first node did not create the benchmark account") }
        let account = try await Self.liftLimits(of: created.apiKey, on: first.application)
        var all = [first]
        let secrets = URL(fileURLWithPath: ServerSecrets.path(dataDirectory: first.application.configuration.dataDirectory))
        for index in stride(from: 2, through: nodes, by: 1) {
            let node = try await ClusterBenchNode.start(
                id: "bench-\(index)", databaseURL: databaseURL, simulatorPort: simulatorPort, directory: directory.appendingPathComponent("bench-\(index)"),
                secrets: secrets, metrics: metrics, logger: logger)
            started(node)
            all.append(node)
        }
        let clients = all.map { $0.client(apiKey: created.apiKey) }
        let sender = BenchSender(concurrency: load.concurrency)
        let text = GatewayBenchCommand.body(parts: 1)
        let store = first.application.store

        if load.warmup > 0 {
            _ = try await sender.send(load.warmup, offset: load.firstNumber, text: text, to: clients)
            guard await Self.waitUntilFinal(store, atLeast: load.warmup, timeout: .seconds(300)) else {
                throw BenchError("\(label): the warm-up messages were not delivered")
            }
        }
        let began = ContinuousClock.now
        let sent = try await sender.send(load.messages, offset: load.firstNumber + load.warmup, text: text, to: clients)
        let acceptSeconds = BenchStatistics.seconds(ContinuousClock.now - began)
        guard await Self.waitUntilFinal(store, atLeast: load.warmup + sent.ids.count, timeout: .seconds(900)) else {
            throw BenchError("\(label): not every message reached a final status within 15 minutes")
        }
        return ClusterBenchResult(label: label, nodes: nodes, sent: sent, acceptSeconds: acceptSeconds, stored: try await Self.messages(of: account, in: store))
    }

    /// Lifts the benchmark account's rate limits in the shared store (before the other nodes start), so
    /// they never bind.
    private static func liftLimits(of apiKey: String, on application: HeraldApplication) async throws -> Account {
        var account = try await application.accounts.authenticate(presentedKey: apiKey)
        account.limits = AccountLimits(
            messagesPerSecond: 1_000_000, messageBurst: 1_000_000, messagesPerDay: 1_000_000_000, verificationsPerSecond: 1_000_000,
            verificationBurst: 1_000_000)
        try await application.store.updateAccount(account, audit: [
            AuditEvent(at: Timestamp(Date()), actor: .cli("bench"), action: "account.set_limits", target: account.id.rawValue, details: ["reason": "benchmark"]),
        ])
        return account
    }

    private static func waitUntilFinal(_ store: any GatewayStore, atLeast count: Int, timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let counts = try? await store.messageCountsByStatus(), counts.filter({ $0.key.isFinal }).values.reduce(0, +) >= count { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    private static func messages(of account: Account, in store: any GatewayStore) async throws -> [Message] {
        var messages: [Message] = []
        var cursor: MessageID?
        while true {
            let page = try await store.messages(matching: MessageQuery(accountID: account.id, startingAfter: cursor, limit: 1000))
            messages += page
            guard page.count == 1000, let last = page.last else { return messages }
            cursor = last.id
        }
    }

    /// Stops the nodes (last started first), drops the round's schema and removes the data directories.
    private static func tearDown(_ nodes: [ClusterBenchNode], databaseURL: String?, directory: URL, logger: Logger) async {
        for node in nodes.reversed() { await node.stop() }
        if let databaseURL {
            do {
                // Its pool starts running as the drop is issued; PostgresNIO's warning about that is noise here.
                var quiet = logger
                quiet.logLevel = .error
                let store = try PostgresHeraldStore(url: databaseURL, poolSize: 1, logger: quiet)
                do { try await store.dropSchema() } catch { logger.warning("the benchmark schema was not dropped", metadata: ["error": "\(error)"]) }
                try? await store.close()
            } catch {
                logger.warning("the benchmark schema was not dropped", metadata: ["error": "\(error)"])
            }
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
