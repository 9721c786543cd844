import Foundation
import HeraldApp
import HeraldCore
import HeraldSimulator
import Logging
import ServiceLifecycle
import SMPP

/// A complete Herald node for `herald bench gateway|verify`: the real `HeraldApplication` (HTTP on an
/// ephemeral port of 127.0.0.1, SQLite in a temporary directory) bound over SMPP to a carrier simulator
/// in the same process. The benchmark account's limits are raised so the rate limits do not bind.
final class BenchNode: Sendable {
    struct Options: Sendable {
        var binds = 2
        var window = 64
        var responseLatencyMilliseconds = 0
        var receiptLatencyMilliseconds = 0
        var synchronous = "full"
    }

    let application: HeraldApplication
    let simulator: CarrierSimulator
    let client: BenchHTTPClient
    let account: Account
    let directory: URL
    private let group: ServiceGroup
    private let running: Task<Void, any Error>
    private let simulatorTask: Task<Void, any Error>

    private init(
        application: HeraldApplication, simulator: CarrierSimulator, client: BenchHTTPClient, account: Account, directory: URL, group: ServiceGroup,
        running: Task<Void, any Error>, simulatorTask: Task<Void, any Error>
    ) {
        self.application = application
        self.simulator = simulator
        self.client = client
        self.account = account
        self.directory = directory
        self.group = group
        self.running = running
        self.simulatorTask = simulatorTask
    }

    static func start(_ options: Options, instrumentGateway: (@Sendable (any CarrierGateway) -> any CarrierGateway)? = nil) async throws -> BenchNode {
        let registry = ProcessBootstrap.run(logging: LoggingSection(level: "warning", format: "text"))
        var logger = Logger(label: "herald.bench")
        logger.logLevel = .warning
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-bench-\(UUID().uuidString)")

        let simulator = CarrierSimulator(
            configuration: SimulatorConfiguration(
                accounts: ["herald": "bench"], responseLatency: .milliseconds(options.responseLatencyMilliseconds),
                receiptLatency: .milliseconds(options.receiptLatencyMilliseconds), sessionLimits: .init(maxInFlight: 100_000, maxTPS: nil),
                pendingReceiptLimit: 10_000_000, recentSubmissionLimit: 100),
            logger: logger)
        let simulatorTask = Task { try await simulator.run() }
        let port = try await simulator.listeningPort()

        var configuration = HeraldConfiguration()
        configuration.dataDirectory = directory.path
        configuration.http.port = 0
        configuration.simulator.enabled = false
        configuration.carriers = [CarrierLinkConfiguration(
            id: "bench", host: "127.0.0.1", port: port, systemID: "herald", password: "bench", binds: options.binds, window: options.window,
            enquireLinkSeconds: 0)]
        configuration.database.synchronous = options.synchronous
        configuration.logging.level = "warning"
        // The benchmark sends from one address to scattered numbers: lift the node-wide verification buckets.
        let unlimited = RateLimitSection(burst: 1_000_000_000, count: 1_000_000_000, intervalSeconds: 1)
        configuration.verification.rateLimits.clientIP = unlimited
        configuration.verification.rateLimits.prefix = unlimited
        configuration.verification.rateLimits.account = unlimited
        try configuration.validate()

        let application = try await HeraldApplication.make(
            configuration: configuration, logger: logger, metrics: registry, instrumentGateway: instrumentGateway)
        let group = ServiceGroup(configuration: .init(services: [BenchApplicationService(application: application)], logger: logger))
        let running = Task { try await group.run() }
        guard let httpPort = await application.httpListeningPort(), let created = application.initialAccount else {
            await group.triggerGracefulShutdown()
            throw BenchError("the node did not start")
        }
        guard await application.gateway.waitUntilBound(timeout: .seconds(60)) else {
            await group.triggerGracefulShutdown()
            throw BenchError("the carrier link did not bind")
        }
        var account = try await application.accounts.authenticate(presentedKey: created.apiKey)
        account.limits = AccountLimits(
            messagesPerSecond: 1_000_000, messageBurst: 1_000_000, messagesPerDay: 1_000_000_000, verificationsPerSecond: 1_000_000,
            verificationBurst: 1_000_000)
        let now = Timestamp(Date())
        try await application.store.updateAccount(account, audit: [
            AuditEvent(at: now, actor: .cli("bench"), action: "account.set_limits", target: account.id.rawValue, details: ["reason": "benchmark"]),
        ])
        return BenchNode(
            application: application, simulator: simulator, client: BenchHTTPClient(baseURL: "http://127.0.0.1:\(httpPort)", apiKey: created.apiKey),
            account: account, directory: directory, group: group, running: running, simulatorTask: simulatorTask)
    }

    /// Graceful shutdown of the node, then of the simulator; removes the temporary directory.
    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await running.value
        await simulator.shutdown()
        _ = try? await simulatorTask.value
        try? FileManager.default.removeItem(at: directory)
    }

    /// Waits until at least `count` messages of the account are final (or `timeout` passes); returns whether they were.
    func waitUntilFinal(atLeast count: Int, timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let counts = try? await application.store.messageCountsByStatus(),
               counts.filter({ $0.key.isFinal }).values.reduce(0, +) >= count { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    /// Every message of the bench account, read through the store in pages.
    func allMessages() async throws -> [Message] {
        var messages: [Message] = []
        var cursor: MessageID?
        while true {
            let page = try await application.store.messages(matching: MessageQuery(accountID: account.id, startingAfter: cursor, limit: 1000))
            messages += page
            guard page.count == 1000, let last = page.last else { return messages }
            cursor = last.id
        }
    }
}

/// Runs the node's application inside the benchmark's service group (graceful shutdown propagates).
struct BenchApplicationService: Service {
    let application: HeraldApplication

    func run() async throws {
        try await application.run(handlingSignals: false)
    }
}

/// A benchmark that could not run, with the reason.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
