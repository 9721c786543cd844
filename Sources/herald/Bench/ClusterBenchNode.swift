import Foundation
import HeraldApp
import HeraldCore
import Logging
import Prometheus
import ServiceLifecycle

/// One node of `herald bench cluster`: the real `HeraldApplication` (HTTP on an ephemeral port of
/// 127.0.0.1, a data directory of its own) on the round's store, bound over SMPP to the benchmark's
/// simulator. Nodes of one round share the database and the secrets file, as a deployed cluster does.
final class ClusterBenchNode: Sendable {
    let application: HeraldApplication
    let httpPort: Int
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    private init(application: HeraldApplication, httpPort: Int, group: ServiceGroup, running: Task<Void, any Error>) {
        self.application = application
        self.httpPort = httpPort
        self.group = group
        self.running = running
    }

    /// Starts a node and waits until its HTTP API listens and its carrier link is bound.
    ///
    /// - Parameters:
    ///   - databaseURL: `postgres://…` of the round's schema, or `nil` for SQLite in the data directory.
    ///   - secrets: a secrets file to copy into the data directory first (the first node's), so every node
    ///     signs the audit log and keys its hashes alike.
    /// Binds of the benchmark's link in every round: the cluster shares them (bind leases), so each round has
    /// the same carrier capacity and every node of up to three holds two.
    static let linkBinds = 6

    static func start(
        id: String, databaseURL: String?, simulatorPort: Int, directory: URL, secrets: URL?, metrics: PrometheusCollectorRegistry, logger: Logger
    ) async throws -> ClusterBenchNode {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if let secrets {
            try FileManager.default.copyItem(at: secrets, to: directory.appendingPathComponent("secrets.json"))
        }
        var configuration = HeraldConfiguration()
        configuration.nodeID = id
        configuration.dataDirectory = directory.path
        configuration.database.url = databaseURL
        configuration.http.port = 0
        configuration.simulator.enabled = false
        configuration.carriers = [CarrierLinkConfiguration(
            id: "bench", host: "127.0.0.1", port: simulatorPort, systemID: "herald", password: "bench", binds: Self.linkBinds, window: 64,
            enquireLinkSeconds: 0)]
        configuration.logging.level = "warning"
        try configuration.validate()

        let application = try await HeraldApplication.make(configuration: configuration, logger: logger, metrics: metrics)
        let group = ServiceGroup(configuration: .init(services: [BenchApplicationService(application: application)], logger: logger))
        let running = Task { try await group.run() }
        guard let httpPort = await application.httpListeningPort() else {
            await group.triggerGracefulShutdown()
            throw BenchError("node \(id) did not start its HTTP API")
        }
        let node = ClusterBenchNode(application: application, httpPort: httpPort, group: group, running: running)
        guard await application.gateway.waitUntilBound(timeout: .seconds(60)) else {
            await node.stop()
            throw BenchError("node \(id) did not bind to the simulator")
        }
        return node
    }

    /// A client of this node's HTTP API with `apiKey`.
    func client(apiKey: String) -> BenchHTTPClient { BenchHTTPClient(baseURL: "http://127.0.0.1:\(httpPort)", apiKey: apiKey) }

    /// Graceful shutdown: in-flight submissions finish, the link unbinds, the store closes.
    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await running.value
    }
}
