import HeraldCore
import HeraldTestSupport
import Logging
import ServiceLifecycle
import Testing

/// The core's services wired to a real store and test fakes, running in a `ServiceGroup`.
///
/// Time is a ``ManualClock`` (tests move it to make retries due or validity pass); the services still poll in
/// real time, so conditions are awaited with ``eventually(_:timeout:whileWaiting:_:)``.
struct PipelineHarness: Sendable {
    let backend: any StorageBackend
    var store: any HeraldStore { backend.store }
    let clock: ManualClock
    let gateway: FakeCarrierGateway
    let transport: RecordingWebhookTransport
    let messages: MessageService
    let account: Account

    static let node = "node-1"

    /// Runs the pipeline over `links` (tried in that order) for the duration of `body`, then shuts it down
    /// gracefully and checks it stopped cleanly.
    static func run(
        _ factory: StoreFactory, links: [String] = ["sim"], receipts: PartState? = .delivered, maintenance: MaintenanceConfiguration? = nil,
        _ body: (PipelineHarness) async throws -> Void
    ) async throws {
        try await factory.withBackend { backend in
            var logger = Logger(label: "herald.tests.pipeline")
            logger.logLevel = .warning
            let store = backend.store
            let clock = ManualClock()
            let random = SequenceRandomSource(seed: 7)
            let gateway = FakeCarrierGateway(links: links)
            gateway.setAutomaticReceipts(receipts)
            let transport = RecordingWebhookTransport()
            let wake = DispatchSignal()
            let resultsWritten = DispatchSignal()
            let vault = EphemeralBodyVault(clock: clock)
            let webhooks = MessageWebhookFactory(random: random)

            let accounts = AccountService(store: store, clock: clock, random: random)
            let account = try await accounts.createAccount(name: "Pipeline", webhookURL: "https://hooks.example.com/herald", actor: .cli("tests")).account
            let messages = MessageService(
                dependencies: MessageService.Dependencies(
                    store: store, numbers: SimpleNumberResolver(), text: SimpleTextAnalyzer(), clock: clock, random: random, wake: wake),
                policy: MessagePolicy(), nodeID: node)

            let dispatcher = Dispatcher(
                dependencies: Dispatcher.Dependencies(
                    store: store, gateway: gateway, router: AllLinksRoutePlanner(linkIDs: links), clock: clock, vault: vault, webhooks: webhooks,
                    pseudonymizer: Pseudonymizer(key: Array("test-key".utf8)), wake: wake, resultsWritten: resultsWritten),
                configuration: DispatchConfiguration(claimBatchSize: 50, maximumInFlight: 100, pollInterval: .milliseconds(20)),
                nodeID: node, logger: logger)
            let receiptProcessor = ReceiptProcessor(
                dependencies: ReceiptProcessor.Dependencies(store: store, gateway: gateway, clock: clock, webhooks: webhooks, resultsWritten: resultsWritten),
                logger: logger)
            let housekeeping = MaintenanceService(
                dependencies: MaintenanceService.Dependencies(store: store, clock: clock, webhooks: webhooks, vault: vault),
                configuration: maintenance ?? MaintenanceConfiguration(interval: .milliseconds(50), receiptGrace: .seconds(600), bodyRetention: nil),
                logger: logger)
            let webhookDispatcher = WebhookDispatcher(
                dependencies: WebhookDispatcher.Dependencies(store: store, transport: transport, clock: clock), nodeID: node, logger: logger,
                pollInterval: .milliseconds(20))

            // Shut down in reverse order: webhooks, housekeeping, dispatcher (writes its last results), then receipts.
            let group = ServiceGroup(
                services: [CarrierEventsService(processor: receiptProcessor, gateway: gateway), dispatcher, housekeeping, webhookDispatcher],
                logger: logger)
            let running = Task { try await group.run() }
            let harness = PipelineHarness(
                backend: backend, clock: clock, gateway: gateway, transport: transport, messages: messages, account: account)
            do {
                try await body(harness)
            } catch {
                await group.triggerGracefulShutdown()
                _ = try? await running.value
                throw error
            }
            await group.triggerGracefulShutdown()
            try await running.value
        }
    }

    /// Accepts one message over the HTTP path.
    func send(to: String = "+4915123456789", body: String = "Hello from the pipeline", validitySeconds: Int? = nil) async throws -> Message {
        let outcome = try await messages.send(
            SendRequest(to: to, body: body, validitySeconds: validitySeconds), account: account, clientAddress: "127.0.0.1", idempotency: nil)
        guard case .accepted(let accepted, _) = outcome, let message = accepted.first else {
            throw HeraldError(.internal, code: "test_not_accepted", "the message was not accepted")
        }
        return message
    }

    func message(_ id: MessageID) async throws -> Message? {
        try await store.message(id, accountID: account.id)
    }

    /// Waits (in real time, generously) until `condition` holds, running `whileWaiting` between checks.
    func eventually(
        _ what: String, timeout: Duration = .seconds(60), whileWaiting: () -> Void = {}, _ condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            whileWaiting()
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("timed out waiting for \(what)")
        throw HeraldError(.unavailable, code: "test_timeout", "timed out waiting for \(what)")
    }
}
