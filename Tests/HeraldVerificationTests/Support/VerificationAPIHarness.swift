import Foundation
import HeraldCore
import HeraldHTTP
import HeraldSQLite
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import Logging
import MetricsTestKit
import ServiceLifecycle
import Testing

/// The verification API over a fresh SQLite store, with the dispatcher submitting to a fake carrier (so a
/// code's only way out is the SMS), a manual clock, and every log line captured.
struct VerificationAPIHarness: Sendable {
    let directory: URL
    let store: SQLiteHeraldStore
    let clock: ManualClock
    let random: SequenceRandomSource
    let gateway: FakeCarrierGateway
    /// The gateway the dispatcher uses: the fake carrier, with submit times noted.
    let recorder: SubmitTimeRecorder
    let logs: LogCapture
    let metrics: TestMetrics
    let accounts: AccountService
    let fraud: FraudGuard
    let verifications: VerificationService
    let responder: RouterResponder<HeraldRequestContext>

    static let node = "node-1"

    /// Builds the stack, runs the dispatcher for the duration of `body`, then shuts everything down.
    static func with(
        rateLimits: VerificationRateLimits = .unlimited, fraud fraudConfiguration: FraudGuardConfiguration = FraudGuardConfiguration(),
        _ body: @Sendable (VerificationAPIHarness) async throws -> Void
    ) async throws {
        let harness = try await VerificationAPIHarness(rateLimits: rateLimits, fraud: fraudConfiguration)
        let logger = harness.logs.logger(label: "pipeline")
        let dispatcher = Dispatcher(
            dependencies: Dispatcher.Dependencies(
                store: harness.store, gateway: harness.recorder, router: AllLinksRoutePlanner(linkIDs: ["sim"]), clock: harness.clock,
                vault: harness.vault, webhooks: MessageWebhookFactory(random: harness.random), pseudonymizer: Pseudonymizer(key: Array("k".utf8)),
                wake: harness.wake, resultsWritten: DispatchSignal()),
            configuration: DispatchConfiguration(claimBatchSize: 50, maximumInFlight: 100, pollInterval: .milliseconds(20)),
            nodeID: node, logger: logger)
        let group = ServiceGroup(services: [dispatcher], logger: logger)
        let running = Task { try await group.run() }
        do {
            try await body(harness)
        } catch {
            await group.triggerGracefulShutdown()
            _ = try? await running.value
            await harness.destroy()
            throw error
        }
        await group.triggerGracefulShutdown()
        try await running.value
        await harness.destroy()
    }

    let vault: EphemeralBodyVault
    let wake: DispatchSignal

    private init(rateLimits: VerificationRateLimits, fraud fraudConfiguration: FraudGuardConfiguration) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-verify-\(UUID().uuidString)")
        logs = LogCapture()
        metrics = TestMetrics()
        store = try SQLiteHeraldStore(path: directory.appendingPathComponent("herald.sqlite").path, logger: logs.logger(label: "sqlite"))
        try await store.migrate()
        clock = ManualClock()
        random = SequenceRandomSource(seed: 0xFACE)
        gateway = FakeCarrierGateway(links: ["sim"])
        recorder = SubmitTimeRecorder(wrapping: gateway)
        vault = EphemeralBodyVault(clock: clock)
        wake = DispatchSignal()
        accounts = AccountService(store: store, clock: clock, random: random)
        let messages = MessageService(
            dependencies: .init(store: store, numbers: SimpleNumberResolver(), text: SimpleTextAnalyzer(), clock: clock, random: random, wake: wake),
            policy: MessagePolicy(), nodeID: Self.node)
        fraud = FraudGuard(configuration: fraudConfiguration, store: store, clock: clock, random: random, logger: logs.logger(label: "fraud"), metrics: metrics)
        verifications = try VerificationService(
            dependencies: .init(
                store: store, messages: messages, vault: vault, rateLimiter: InMemoryRateLimiter(clock: clock), fraudGuard: fraud, clock: clock,
                random: random, pseudonymizer: Pseudonymizer(key: Array("pseudonyms".utf8))),
            rateLimits: rateLimits, codeKey: Array(repeating: 0x5A, count: 32), logger: logs.logger(label: "verify"), metrics: metrics)
        let services = HTTPServices(
            accounts: accounts, messages: messages, readiness: { ReadinessReport.standard(storeReachable: true, carrierLinks: [:]) }, random: random)
        responder = HeraldAPI.buildRouter(
            services: services,
            groups: HeraldAPI.standardGroups + [
                VerificationRoutes(verifications: verifications), AnalyticsRoutes(verifications: verifications), FraudRoutes(fraudGuard: fraud),
            ]
        ).buildResponder()
    }

    func destroy() async {
        try? await store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs `body` with an in-process client; the application logs into the capture too.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(responder: responder, logger: logs.logger(label: "http"))
        try await app.test(.router, body)
    }

    func newAccount(
        _ name: String = "Acme", webhookURL: String? = "https://hooks.acme.example/herald", limits: AccountLimits = AccountLimits()
    ) async throws -> (account: Account, key: String) {
        let creation = try await accounts.createAccount(name: name, webhookURL: webhookURL, limits: limits, actor: .cli("test"))
        return (creation.account, creation.credential.text)
    }

    /// The body of the SMS the fake carrier received for `messageID`, waiting (in real time) for the dispatcher.
    func submittedBody(_ messageID: String) async throws -> String {
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while ContinuousClock.now < deadline {
            if let submission = gateway.submissions.last(where: { $0.message.messageID.rawValue == messageID }) { return submission.message.body }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("the dispatcher did not submit \(messageID)")
        throw HeraldError(.unavailable, code: "test_timeout", "no submission for \(messageID)")
    }

    /// Every byte of the database files (main file, WAL and shared memory).
    func databaseBytes() throws -> [UInt8] {
        var bytes: [UInt8] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            if let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) { bytes += data }
        }
        return bytes
    }
}

extension Array where Element == UInt8 {
    /// True when `needle` occurs in these bytes.
    func contains(bytes needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return false }
        let first = needle[0]
        var index = 0
        while index <= count - needle.count {
            if self[index] == first, Array(self[index..<index + needle.count]) == needle { return true }
            index += 1
        }
        return false
    }
}
