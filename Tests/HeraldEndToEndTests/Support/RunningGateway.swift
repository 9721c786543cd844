import Foundation
import HeraldApp
import HeraldCore
import Logging
import Prometheus
import ServiceLifecycle

/// The real `HeraldApplication` — SQLite in a temporary directory, the built-in simulator on 127.0.0.1,
/// HTTP on an ephemeral port of 127.0.0.1 — running for the duration of a test.
///
/// ```swift
/// try await RunningGateway.with { gateway in
///     let id = try await gateway.api.sendMessage(to: "+4915123456789")
///     try await gateway.api.waitForStatus(of: id, in: ["delivered"])
/// }
/// ```
final class RunningGateway: Sendable {
    let application: HeraldApplication
    let directory: URL
    let port: Int
    /// A client holding the initial account's API key.
    let api: APIClient
    let apiKey: String
    let accountID: AccountID
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Quick settings for tests: millisecond simulator latencies and one-second webhook retries.
    static func testConfiguration(directory: URL) -> HeraldConfiguration {
        var configuration = HeraldConfiguration()
        configuration.dataDirectory = directory.path
        configuration.http.host = "127.0.0.1"
        configuration.http.port = 0
        configuration.simulator.responseLatencyMilliseconds = 1
        configuration.simulator.receiptLatencyMilliseconds = 20
        configuration.webhooks.initialDelaySeconds = 1
        configuration.webhooks.maximumDelaySeconds = 2
        configuration.logging.level = "warning"
        return configuration
    }

    private init(application: HeraldApplication, directory: URL, port: Int, apiKey: String, accountID: AccountID, group: ServiceGroup, running: Task<Void, any Error>) {
        self.application = application
        self.directory = directory
        self.port = port
        self.apiKey = apiKey
        self.accountID = accountID
        self.group = group
        self.running = running
        self.api = APIClient(baseURL: "http://127.0.0.1:\(port)", apiKey: apiKey)
    }

    /// Starts a gateway (the configuration can be adjusted first), runs `body`, then shuts it down
    /// gracefully and removes the data directory.
    static func with<T: Sendable>(
        configure: (inout HeraldConfiguration) -> Void = { _ in }, keepDirectory: URL? = nil,
        _ body: (RunningGateway) async throws -> T
    ) async throws -> T {
        let directory = keepDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("herald-e2e-\(UUID().uuidString)")
        defer { if keepDirectory == nil { try? FileManager.default.removeItem(at: directory) } }
        var configuration = testConfiguration(directory: directory)
        configure(&configuration)
        let gateway = try await start(configuration: configuration, directory: directory)
        do {
            let value = try await body(gateway)
            try await gateway.stop()
            return value
        } catch {
            try? await gateway.stop()
            throw error
        }
    }

    static func start(configuration: HeraldConfiguration, directory: URL) async throws -> RunningGateway {
        var logger = Logger(label: "herald.e2e")
        logger.logLevel = .warning
        let application = try await HeraldApplication.make(configuration: configuration, logger: logger, metrics: PrometheusCollectorRegistry())
        let group = ServiceGroup(configuration: .init(services: [ApplicationService(application: application)], logger: logger))
        let running = Task { try await group.run() }
        guard let port = await application.httpListeningPort(timeout: .seconds(60)) else {
            await group.triggerGracefulShutdown()
            _ = try? await running.value
            throw EndToEndError("the HTTP API did not start listening")
        }
        let key: String
        if let created = application.initialAccount {
            key = created.apiKey
        } else {
            key = try String(contentsOf: directory.appendingPathComponent("initial-api-key"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let account = try await application.accounts.authenticate(presentedKey: key)
        let gateway = RunningGateway(application: application, directory: directory, port: port, apiKey: key, accountID: account.id, group: group, running: running)
        guard await application.gateway.waitUntilBound(timeout: .seconds(60)) else {
            try? await gateway.stop()
            throw EndToEndError("the carrier links did not bind")
        }
        return gateway
    }

    /// Graceful shutdown, as SIGTERM does it; returns when every service has stopped.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await running.value
    }

    /// The account the initial key belongs to, as stored now.
    func account() async throws -> Account {
        try await application.accounts.authenticate(presentedKey: apiKey)
    }
}

/// Runs a `HeraldApplication` inside a test's service group; the group's graceful shutdown reaches the
/// application's own group (swift-service-lifecycle propagates it).
struct ApplicationService: Service {
    let application: HeraldApplication

    func run() async throws {
        try await application.run(handlingSignals: false)
    }
}
