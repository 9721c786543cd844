import Foundation
import HeraldAuditLog
import HeraldCore
import HeraldHTTP
import HeraldSQLite
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import Logging
import MetricsTestKit
import Synchronization

/// A Herald HTTP application over a fresh SQLite store in a temporary directory, with test fakes for
/// numbers, text and randomness and a manual clock.
struct APIHarness: Sendable {
    let directory: URL
    let store: SQLiteHeraldStore
    let clock: ManualClock
    let accounts: AccountService
    let messages: MessageService
    let services: HTTPServices
    let responder: RouterResponder<HeraldRequestContext>

    /// Mutable knobs shared with closures the application holds.
    final class Knobs: Sendable {
        let ready = Mutex(true)
        let seenClientAddresses = Mutex<[String?]>([])
        let guardError = Mutex<(any Error & Sendable)?>(nil)
    }

    let knobs: Knobs
    /// Receives the HTTP metrics of this harness only (nothing is bootstrapped globally).
    let metrics: TestMetrics
    /// Every log record the application wrote.
    let logs: CapturedLogs

    /// The audit log key of every harness.
    static let auditIdentity = try! AuditLogIdentity.generate(origin: "http.tests.herald.example/audit", seed: Array(repeating: 5, count: 32))

    static func with(policy: MessagePolicy = MessagePolicy(), _ body: @Sendable (APIHarness) async throws -> Void) async throws {
        let harness = try await APIHarness(policy: policy)
        do {
            try await body(harness)
            await harness.destroy()
        } catch {
            await harness.destroy()
            throw error
        }
    }

    private init(policy: MessagePolicy) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-http-\(UUID().uuidString)")
        var logger = Logger(label: "herald.tests.http")
        logger.logLevel = .warning
        store = try SQLiteHeraldStore(
            path: directory.appendingPathComponent("herald.sqlite").path, logger: logger, auditSealer: try MerkleAuditSealer(identity: Self.auditIdentity))
        try await store.migrate()
        clock = ManualClock()
        let random = SequenceRandomSource()
        let knobs = Knobs()
        self.knobs = knobs
        metrics = TestMetrics()
        logs = CapturedLogs()
        accounts = AccountService(store: store, clock: clock, random: random)
        messages = MessageService(
            dependencies: .init(
                store: store, numbers: SimpleNumberResolver(), text: SimpleTextAnalyzer(), clock: clock, random: random,
                guards: [ObservingGuard(knobs: knobs)], wake: DispatchSignal()),
            policy: policy, nodeID: "test")
        services = HTTPServices(
            accounts: accounts, messages: messages,
            readiness: {
                let ready = knobs.ready.withLock { $0 }
                return ReadinessReport.standard(storeReachable: true, carrierLinks: ["sim": LinkStatus(isUp: ready, bindsUp: ready ? 1 : 0, bindsConfigured: 1)])
            },
            metrics: { "# TYPE herald_up gauge\nherald_up 1\n" },
            random: random, metricsFactory: metrics)
        responder = HeraldAPI.buildRouter(services: services).buildResponder()
    }

    func destroy() async {
        try? await store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    var application: some ApplicationProtocol {
        let logs = self.logs
        var logger = Logger(label: "herald.tests.http") { _ in CapturingLogHandler(logs: logs) }
        logger.logLevel = .info
        return Application(responder: responder, logger: logger)
    }

    /// Runs `body` with an in-process client.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await application.test(.router, body)
    }

    /// A new account and the full text of its API key.
    func newAccount(_ name: String = "Acme") async throws -> (account: Account, key: String) {
        let creation = try await accounts.createAccount(name: name, actor: .cli("test"))
        return (creation.account, creation.credential.text)
    }
}
