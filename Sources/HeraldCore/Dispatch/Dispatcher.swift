import Logging
import Metrics
import ServiceLifecycle
import Synchronization

/// Takes due messages from the durable queue and submits them over carrier links, walking the route's
/// candidate links on link-level failures and retrying later with backoff.
///
/// Work is leased (``MessageStore/claimDueMessages(now:limit:owner:leaseUntil:)``) so each message is
/// submitted by one node; results are written in batches. On graceful shutdown the dispatcher stops
/// claiming, lets in-flight submissions finish and writes their results before returning.
public final class Dispatcher: Service {
    public struct Dependencies: Sendable {
        public var store: any HeraldStore
        public var gateway: any CarrierGateway
        public var router: any RoutePlanner
        public var clock: any HeraldClock
        public var vault: EphemeralBodyVault
        public var webhooks: MessageWebhookFactory
        public var pseudonymizer: Pseudonymizer
        /// Signalled when new messages are stored.
        public var wake: DispatchSignal
        /// Signalled after results are written (so parked receipts are retried at once).
        public var resultsWritten: DispatchSignal
        /// False while this node cannot submit at all (in a cluster: it holds no carrier bind). The
        /// dispatcher then claims nothing and leaves the queue to the nodes that can.
        public var maySubmit: @Sendable () -> Bool

        public init(
            store: any HeraldStore, gateway: any CarrierGateway, router: any RoutePlanner, clock: any HeraldClock, vault: EphemeralBodyVault,
            webhooks: MessageWebhookFactory, pseudonymizer: Pseudonymizer, wake: DispatchSignal, resultsWritten: DispatchSignal,
            maySubmit: @escaping @Sendable () -> Bool = { true }
        ) {
            self.maySubmit = maySubmit
            self.store = store
            self.gateway = gateway
            self.router = router
            self.clock = clock
            self.vault = vault
            self.webhooks = webhooks
            self.pseudonymizer = pseudonymizer
            self.wake = wake
            self.resultsWritten = resultsWritten
        }
    }

    private let dependencies: Dependencies
    private let configuration: DispatchConfiguration
    private let nodeID: String
    private let logger: Logger
    private let inFlight = Atomic<Int>(0)
    private let slotFreed = DispatchSignal()
    private let stopping = Atomic<Bool>(false)
    private let pending = Mutex([MessageUpdate]())
    private let pendingSignal = DispatchSignal()
    private let writerDone = Atomic<Bool>(false)
    private let submitTimer = Timer(label: "herald_carrier_submit_duration_seconds")
    private let outcomeCounters = Mutex([String: Counter]())

    public init(dependencies: Dependencies, configuration: DispatchConfiguration = DispatchConfiguration(), nodeID: String, logger: Logger) {
        self.dependencies = dependencies
        self.configuration = configuration
        self.nodeID = nodeID
        self.logger = logger
    }

    public func run() async throws {
        try await dependencies.store.releaseClaims(owner: nodeID)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.writeResults() }
            await withGracefulShutdownHandler {
                await self.claimLoop()
            } onGracefulShutdown: {
                self.stopping.store(true, ordering: .relaxed)
                self.dependencies.wake.signal()
                self.slotFreed.signal()
            }
            writerDone.store(true, ordering: .sequentiallyConsistent)
            pendingSignal.signal()
        }
        logger.info("dispatcher stopped", metadata: ["node": "\(nodeID)"])
    }

    private var shouldStop: Bool { stopping.load(ordering: .relaxed) || Task.isCancelled }

    // MARK: Claiming

    private func claimLoop() async {
        await withDiscardingTaskGroup { group in
            while !shouldStop {
                let free = configuration.maximumInFlight - inFlight.load(ordering: .relaxed)
                if free <= 0 {
                    await slotFreed.wait(timeout: configuration.pollInterval)
                    continue
                }
                guard dependencies.maySubmit() else {
                    await dependencies.wake.wait(timeout: configuration.pollInterval)
                    continue
                }
                let now = dependencies.clock.now()
                let claimed: [Message]
                do {
                    claimed = try await dependencies.store.claimDueMessages(
                        now: now, limit: min(free, configuration.claimBatchSize), owner: nodeID, leaseUntil: now.adding(configuration.lease))
                } catch {
                    logger.error("claiming due messages failed", metadata: ["error": "\(error)"])
                    await dependencies.wake.wait(timeout: configuration.pollInterval)
                    continue
                }
                if claimed.isEmpty {
                    await dependencies.wake.wait(timeout: configuration.pollInterval)
                    continue
                }
                inFlight.add(claimed.count, ordering: .relaxed)
                for message in claimed {
                    // The slot stays taken until the result is written (``writeResults()``): a claim whose result
                    // waits for the database is still held, and the lease must not run out under it.
                    group.addTask { self.enqueue(await self.process(message)) }
                }
            }
        }
    }

    // MARK: Processing one message

    /// Decides what happens to one leased message. Never throws: every outcome becomes a status.
    func process(_ leased: Message) async -> MessageUpdate {
        var message = leased
        let now = dependencies.clock.now()
        if message.status == .accepted { message.transition(to: .queued, at: now, detail: "scheduled time reached") }
        if now >= message.validUntil {
            return finish(&message, as: .expired, code: "validity_expired", description: "the validity period ended before the message could be sent", at: now)
        }
        let body: String
        switch message.bodyPolicy {
        case .retained:
            guard let text = message.body else {
                return finish(&message, as: .failed, code: "body_unavailable", description: "the message body is no longer stored", at: now)
            }
            body = text
        case .ephemeral:
            guard let text = dependencies.vault.body(for: message.id) else {
                return finish(&message, as: .failed, code: "body_unavailable", description: "the message body was held only in memory and is gone (restart)", at: now)
            }
            body = text
        case .erased:
            return finish(&message, as: .failed, code: "body_unavailable", description: "the message body was erased", at: now)
        }

        let plan = dependencies.router.plan(
            for: RouteRequest(accountID: message.accountID, e164: message.to, destination: message.destination, messageID: message.id),
            linkStatuses: dependencies.gateway.linkStatuses())
        guard !plan.candidates.isEmpty else {
            return finish(&message, as: .failed, code: "no_route", description: "no carrier route serves this destination", at: now)
        }
        let outbound = OutboundMessage(
            messageID: message.id, to: message.to, from: message.from, body: body, validUntil: message.validUntil,
            concatenationReference: message.concatenationReference)

        var newParts: [MessagePart] = []
        var lastFailure: SubmitFailure?
        var throttled = false
        for candidate in plan.candidates {
            let started = ContinuousClock.now
            let result = await dependencies.gateway.submit(outbound, via: candidate.linkID)
            let elapsed = (ContinuousClock.now - started).components
            submitTimer.recordNanoseconds(elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000)
            let submittedAt = dependencies.clock.now()
            switch result {
            case .accepted(let parts):
                count("accepted")
                newParts += parts.map { part($0, of: message, link: candidate.linkID, at: submittedAt) }
                message.linkID = candidate.linkID
                message.error = nil
                message.transition(to: .submitted, at: submittedAt, detail: "\(parts.count) part(s) via \(candidate.linkID)")
                if message.bodyPolicy == .ephemeral { dependencies.vault.remove(message.id) }
                var effects = dependencies.webhooks.statusEffects(for: message, at: submittedAt)
                effects.audit.append(submitAudit(message, link: candidate.linkID, parts: parts.count, at: submittedAt))
                return MessageUpdate(message: message, newParts: newParts, effects: effects)
            case .failed(let failure):
                count(failure.code)
                newParts += failure.acceptedParts.map { part($0, of: message, link: candidate.linkID, at: submittedAt) }
                lastFailure = failure
                logger.debug("submission failed", metadata: [
                    "message": "\(message.id)", "link": "\(candidate.linkID)", "code": "\(failure.code)", "detail": "\(failure.detail)",
                    "to": "\(dependencies.pseudonymizer.pseudonym(message.to))",
                ])
                switch failure.disposition {
                case .permanent:
                    message.linkID = candidate.linkID
                    var update = finish(&message, as: .rejected, code: failure.code, description: failure.detail, at: submittedAt)
                    update.newParts = newParts
                    update.effects.audit.append(submitAudit(message, link: candidate.linkID, parts: 0, at: submittedAt, outcome: "failed"))
                    return update
                case .retryLater:
                    throttled = true
                case .tryOtherLink:
                    continue
                }
            }
        }

        // Every candidate failed at link level: retry the whole route later, or give up.
        let later = dependencies.clock.now()
        let failure = lastFailure ?? SubmitFailure(disposition: .tryOtherLink, code: "no_link", detail: "no link accepted the message")
        if !throttled { message.attempts += 1 }
        if message.attempts >= configuration.maximumAttempts {
            var update = finish(&message, as: .failed, code: failure.code, description: "gave up after \(message.attempts) attempts: \(failure.detail)", at: later)
            update.newParts = newParts
            return update
        }
        let delay = throttled ? configuration.throttleRetryDelay : configuration.retryDelay(afterAttempts: message.attempts)
        message.nextAttemptAt = later.adding(delay)
        message.error = MessageError(code: failure.code, description: failure.detail)
        message.updatedAt = later
        return MessageUpdate(message: message, newParts: newParts)
    }

    private func finish(_ message: inout Message, as status: MessageStatus, code: String, description: String, at time: Timestamp) -> MessageUpdate {
        message.error = MessageError(code: code, description: description)
        message.transition(to: status, at: time, detail: code)
        if message.bodyPolicy == .ephemeral { dependencies.vault.remove(message.id) }
        count(status.rawValue)
        return MessageUpdate(message: message, effects: dependencies.webhooks.statusEffects(for: message, at: time))
    }

    private func part(_ submitted: SubmittedPart, of message: Message, link: String, at time: Timestamp) -> MessagePart {
        MessagePart(
            messageID: message.id, sequence: submitted.sequence, linkID: link, carrierMessageID: submitted.carrierMessageID,
            lookupKey: submitted.lookupKey, submittedAt: time)
    }

    /// The network-level operation record: every submission to a carrier is audited.
    private func submitAudit(_ message: Message, link: String, parts: Int, at time: Timestamp, outcome: String = "ok") -> AuditEvent {
        AuditEvent(
            at: time, actor: .system("dispatcher"), action: "carrier.submit_sm", target: message.id.rawValue, outcome: outcome,
            details: [
                "account": message.accountID.rawValue, "link": link, "parts": String(parts), "region": message.destination.regionCode,
                "channel": message.channel.rawValue, "to_pseudonym": dependencies.pseudonymizer.pseudonym(message.to),
            ],
            sensitive: ["to": message.to])
    }

    private func count(_ outcome: String) {
        let counter = outcomeCounters.withLock { counters in
            if let counter = counters[outcome] { return counter }
            let counter = Counter(label: "herald_dispatch_outcomes_total", dimensions: [("outcome", outcome)])
            counters[outcome] = counter
            return counter
        }
        counter.increment()
    }

    // MARK: Writing results

    private func enqueue(_ update: MessageUpdate) {
        pending.withLock { $0.append(update) }
        pendingSignal.signal()
    }

    private func writeResults() async {
        var failures = 0
        while true {
            let batch = pending.withLock { pending -> [MessageUpdate] in
                defer { pending.removeAll(keepingCapacity: true) }
                return pending
            }
            if batch.isEmpty {
                if writerDone.load(ordering: .sequentiallyConsistent) { return }
                await pendingSignal.wait(timeout: .milliseconds(100))
                continue
            }
            do {
                let written = try await dependencies.store.saveMessageUpdates(batch)
                inFlight.subtract(batch.count, ordering: .relaxed)
                slotFreed.signal()
                failures = 0
                for (update, ok) in zip(batch, written) where !ok {
                    logger.warning("message changed by another writer; result dropped", metadata: ["message": "\(update.message.id)"])
                }
                dependencies.resultsWritten.signal()
            } catch {
                // Keep the results: losing them would let the lease expire and submit the messages again.
                failures += 1
                logger.error("writing dispatch results failed; retrying", metadata: ["error": "\(error)", "count": "\(batch.count)"])
                pending.withLock { $0.insert(contentsOf: batch, at: 0) }
                if Task.isCancelled { return }
                try? await Task.sleep(for: .milliseconds(min(5000, 100 * (1 << min(failures, 6)))))
            }
        }
    }
}
