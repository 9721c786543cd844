import Logging
import Metrics
import ServiceLifecycle

/// Delivers the webhook outbox: signs each body, POSTs it, and reschedules failures with backoff until
/// the retry policy runs out. Deliveries are leased so several nodes never send the same one at once.
public final class WebhookDispatcher: Service {
    public struct Dependencies: Sendable {
        public var store: any HeraldStore
        public var transport: any WebhookTransport
        public var clock: any HeraldClock

        public init(store: any HeraldStore, transport: any WebhookTransport, clock: any HeraldClock) {
            self.store = store
            self.transport = transport
            self.clock = clock
        }
    }

    private let dependencies: Dependencies
    private let policy: WebhookRetryPolicy
    private let nodeID: String
    private let logger: Logger
    private let signer = WebhookSigner()
    private let pollInterval: Duration
    private let concurrency: Int
    private let delivered = Counter(label: "herald_webhooks_total", dimensions: [("result", "delivered")])
    private let retried = Counter(label: "herald_webhooks_total", dimensions: [("result", "retry")])
    private let abandoned = Counter(label: "herald_webhooks_total", dimensions: [("result", "failed")])

    public init(dependencies: Dependencies, policy: WebhookRetryPolicy = WebhookRetryPolicy(), nodeID: String, logger: Logger, pollInterval: Duration = .milliseconds(200), concurrency: Int = 32) {
        self.dependencies = dependencies
        self.policy = policy
        self.nodeID = nodeID
        self.logger = logger
        self.pollInterval = pollInterval
        self.concurrency = concurrency
    }

    public func run() async throws {
        while !Task.isCancelledOrShuttingDown {
            let worked = (try? await runOnce()) ?? 0
            if worked == 0 { await Task.sleepUnlessShuttingDown(for: pollInterval) }
        }
    }

    /// Sends one batch of due webhooks; returns how many were attempted.
    @discardableResult
    public func runOnce() async throws -> Int {
        let now = dependencies.clock.now()
        let due = try await dependencies.store.claimDueWebhooks(now: now, limit: concurrency, owner: nodeID, leaseUntil: now.adding(policy.requestTimeout * 3))
        guard !due.isEmpty else { return 0 }
        let secrets = try await secretsByAccount(for: due)
        let results = await withTaskGroup(of: WebhookDelivery.self, returning: [WebhookDelivery].self) { group in
            for delivery in due {
                group.addTask { await self.attempt(delivery, secret: secrets[delivery.accountID]) }
            }
            var done: [WebhookDelivery] = []
            for await result in group { done.append(result) }
            return done
        }
        try await dependencies.store.saveWebhookDeliveries(results)
        return due.count
    }

    private func secretsByAccount(for deliveries: [WebhookDelivery]) async throws -> [AccountID: String] {
        var secrets: [AccountID: String] = [:]
        for id in Set(deliveries.map(\.accountID)) {
            secrets[id] = try await dependencies.store.account(id)?.webhookSecret
        }
        return secrets
    }

    private func attempt(_ delivery: WebhookDelivery, secret: String?) async -> WebhookDelivery {
        var delivery = delivery
        let now = dependencies.clock.now()
        delivery.attempts += 1
        guard let secret else {
            delivery.status = .failed
            delivery.lastError = "account no longer exists"
            abandoned.increment()
            return delivery
        }
        let body = Array(delivery.payload.utf8)
        let headers: [(name: String, value: String)] = [
            ("Content-Type", "application/json"),
            ("User-Agent", "Herald-Webhooks/1"),
            (WebhookSigner.headerName, signer.signatureHeader(secret: secret, body: body, at: now)),
            ("Herald-Event", delivery.eventType),
            ("Herald-Delivery", delivery.id.rawValue),
        ]
        switch await dependencies.transport.post(url: delivery.url, body: body, headers: headers, timeout: policy.requestTimeout) {
        case .delivered(let status):
            delivery.status = .delivered
            delivery.lastStatusCode = status
            delivery.lastError = nil
            delivered.increment()
        case .failed(let status, let reason):
            delivery.lastStatusCode = status
            delivery.lastError = reason
            if delivery.attempts >= policy.maximumAttempts {
                delivery.status = .failed
                abandoned.increment()
                logger.warning("webhook abandoned", metadata: ["delivery": "\(delivery.id)", "attempts": "\(delivery.attempts)", "reason": "\(reason)"])
            } else {
                delivery.nextAttemptAt = now.adding(policy.delay(afterAttempts: delivery.attempts))
                retried.increment()
            }
        }
        return delivery
    }
}
