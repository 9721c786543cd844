import ArgumentParser
import Foundation
import HeraldApp
import HeraldPostgres
import HeraldSimulator
import Logging
import Prometheus

/// `herald bench cluster`: accepted → delivered throughput with 1, 2 and 3 nodes on one PostgreSQL
/// database against 1 node on SQLite, in one run against one simulator, printed as a table with ratios
/// against the SQLite node.
///
/// Build in release for real figures: `swift build -c release --product herald && .build/release/herald bench cluster --postgres-url postgres://…`.
struct ClusterBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Throughput of 1, 2 and 3 nodes on PostgreSQL against 1 node on SQLite, through real nodes and one simulator.",
        discussion: """
            Starts a carrier simulator in this process, then runs four rounds one after the other: one node on \
            SQLite (in a temporary directory), then 1, 2 and 3 nodes on the PostgreSQL database of --postgres-url \
            (default HERALD_DATABASE_URL), each round in a fresh schema that is dropped afterwards. Each node is \
            a full Herald node in this process (HTTP on 127.0.0.1, its own data directory, the first node's \
            secrets file). A round sends --warmup messages, waits for them, then sends --messages messages with \
            --concurrency HTTP clients spread round-robin over the nodes and waits until every one is final. \
            Throughput is counted from the first acceptance to the last delivery (stored timestamps).
            """)

    @Option(name: .long, help: "Messages per round (after the warm-up).")
    var messages = 5_000

    @Option(name: .long, help: "Warm-up messages per round, sent and delivered before measuring.")
    var warmup = 200

    @Option(name: .long, help: "Concurrent HTTP clients per round (spread over the round's nodes).")
    var concurrency = 48

    @Option(name: .long, help: "PostgreSQL database for the cluster rounds, postgres://user:password@host:port/database (default: HERALD_DATABASE_URL). The role needs CREATE on the database: each round makes a schema and drops it.")
    var postgresURL: String?

    @Option(name: .long, help: "Largest cluster measured (the PostgreSQL rounds run 1 … this many nodes).")
    var maxNodes = 3

    func validate() throws {
        guard messages >= 1, warmup >= 0, concurrency >= 1 else { throw ValidationError("--messages and --concurrency must be positive, --warmup not negative") }
        guard (1...8).contains(maxNodes) else { throw ValidationError("--max-nodes must be 1-8") }
        _ = try resolvedPostgresURL()
    }

    /// The PostgreSQL URL from the flag or the environment; a clear error when neither gives one.
    func resolvedPostgresURL(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        guard let url = postgresURL ?? environment["HERALD_DATABASE_URL"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw ValidationError("herald bench cluster needs a PostgreSQL database: pass --postgres-url postgres://user:password@host:port/database or set HERALD_DATABASE_URL")
        }
        let configuration: PostgresStoreConfiguration
        do {
            configuration = try PostgresStoreConfiguration(url: url)
        } catch {
            throw ValidationError("--postgres-url / HERALD_DATABASE_URL is not a usable postgres:// URL: \(error)")
        }
        guard configuration.schema == nil else {
            throw ValidationError("leave schema= out of the benchmark's PostgreSQL URL: every round makes a schema of its own and drops it")
        }
        return url
    }

    func run() async throws {
        let postgres = try resolvedPostgresURL()
        let metrics = ProcessBootstrap.run(logging: LoggingSection(level: "warning", format: "text"))
        var logger = Logger(label: "herald.bench")
        logger.logLevel = .warning

        let simulator = CarrierSimulator(
            configuration: SimulatorConfiguration(
                accounts: ["herald": "bench"], responseLatency: .zero, receiptLatency: .zero,
                sessionLimits: .init(maxInFlight: 100_000, maxTPS: nil), pendingReceiptLimit: 10_000_000, recentSubmissionLimit: 100),
            logger: logger)
        let simulatorTask = Task { try await simulator.run() }
        do {
            let port = try await simulator.listeningPort()
            try await measure(simulatorPort: port, postgres: postgres, metrics: metrics, logger: logger)
        } catch {
            await simulator.shutdown()
            _ = try? await simulatorTask.value
            throw error
        }
        await simulator.shutdown()
        _ = try? await simulatorTask.value
    }

    private func measure(simulatorPort: Int, postgres: String, metrics: PrometheusCollectorRegistry, logger: Logger) async throws {
        let rounds = [ClusterBenchRound(label: "SQLite `synchronous: full`", nodes: 1, postgresURL: nil)]
            + (1...maxNodes).map { ClusterBenchRound(label: "PostgreSQL", nodes: $0, postgresURL: postgres) }
        var results: [ClusterBenchResult] = []
        for (index, round) in rounds.enumerated() {
            let load = ClusterBenchRound.Load(messages: messages, warmup: warmup, concurrency: concurrency, firstNumber: index * (messages + warmup))
            FileHandle.standardError.write(Data("round \(index + 1)/\(rounds.count): \(round.label), \(round.nodes) node(s)…\n".utf8))
            results.append(try await round.run(load, simulatorPort: simulatorPort, metrics: metrics, logger: logger))
        }
        let baseline = results.first
        print("""
            Herald cluster benchmark: \(messages) messages per round (after \(warmup) warm-up), \(concurrency) HTTP clients spread \
            round-robin over the nodes, nodes in one process, one link of \(ClusterBenchNode.linkBinds) binds shared by the nodes, simulator answering at once, \
            \(ProcessInfo.processInfo.activeProcessorCount) cores.

            \(ClusterBenchResult.header)
            \(results.map { $0.row(baseline: baseline) }.joined(separator: "\n"))
            """)
        for result in results where result.refused > 0 || !result.notDelivered.isEmpty {
            print("warning: \(result.label) × \(result.nodes): \(result.refused) sends refused; not delivered: \(result.notDelivered.joined(separator: ", "))")
        }
    }
}
