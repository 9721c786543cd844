import HeraldCore
import Logging
import Metrics
import SMPP
import ServiceLifecycle

/// Delivers the customer SMPP outbox: receipts and inbound messages go out as `deliver_sm` on one of the
/// account's receiver or transceiver binds on this node, oldest first per account.
///
/// Entries are only claimed for accounts with a receiving bind here, so an entry waits — using no
/// attempts — while the customer is unbound, and goes out as soon as it binds. A `deliver_sm` answered
/// with an error or not answered is retried with backoff; ESME_RX_P_APPN and ESME_RX_R_APPN (the customer
/// refuses it for good) and running out of attempts give it up, as does waiting longer than the hold time.
final class CustomerSMPPDeliveryWorker: Sendable {
    struct Dependencies: Sendable {
        var store: any TwoWayStore
        var clock: any HeraldClock
        var random: any RandomSource
    }

    private let dependencies: Dependencies
    private let configuration: CustomerSMPPConfiguration
    private let registry: BindRegistry
    private let handler: CustomerSMPPHandler
    private let wake: DispatchSignal
    private let nodeID: String
    private let logger: Logger
    private let inboundBuilder: InboundDeliverSMBuilder
    private let delivered = Counter(label: "herald_customer_smpp_deliveries_total", dimensions: [("result", "delivered")])
    private let retried = Counter(label: "herald_customer_smpp_deliveries_total", dimensions: [("result", "retry")])
    private let abandoned = Counter(label: "herald_customer_smpp_deliveries_total", dimensions: [("result", "failed")])

    init(
        dependencies: Dependencies, configuration: CustomerSMPPConfiguration, registry: BindRegistry, handler: CustomerSMPPHandler,
        wake: DispatchSignal, nodeID: String, logger: Logger
    ) {
        self.dependencies = dependencies
        self.configuration = configuration
        self.registry = registry
        self.handler = handler
        self.wake = wake
        self.nodeID = nodeID
        self.logger = logger
        self.inboundBuilder = InboundDeliverSMBuilder(profile: configuration.textProfile)
    }

    /// Runs until cancelled or graceful shutdown.
    func run() async {
        var lastSweep = ContinuousClock.now - .seconds(3600)
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            await handler.expireIncompleteMessages()
            if ContinuousClock.now - lastSweep >= .seconds(60) {
                lastSweep = ContinuousClock.now
                await sweep()
            }
            let worked = (try? await runOnce()) ?? 0
            if worked == 0 {
                await cancelWhenGracefulShutdown { await self.wake.wait(timeout: self.configuration.pollInterval) }
            }
        }
    }

    /// Sends one batch of due entries; returns how many were claimed.
    @discardableResult
    func runOnce() async throws -> Int {
        let accounts = registry.receivingAccounts
        guard !accounts.isEmpty else { return 0 }
        let now = dependencies.clock.now()
        let lease = configuration.deliveryResponseTimeout * 4 + .seconds(30)
        let claimed = try await dependencies.store.claimCustomerSMPPDeliveries(
            accountIDs: accounts, now: now, limit: 200, owner: nodeID, leaseUntil: now.adding(lease))
        guard !claimed.isEmpty else { return 0 }
        var byAccount: [AccountID: [CustomerSMPPDelivery]] = [:]
        for delivery in claimed { byAccount[delivery.accountID, default: []].append(delivery) }
        let results = await withTaskGroup(of: [CustomerSMPPDelivery].self, returning: [CustomerSMPPDelivery].self) { group in
            for (accountID, deliveries) in byAccount {
                group.addTask { await self.deliver(deliveries, accountID: accountID) }
            }
            var all: [CustomerSMPPDelivery] = []
            for await done in group { all += done }
            return all
        }
        try await dependencies.store.saveCustomerSMPPDeliveries(results)
        return claimed.count
    }

    /// One account's entries, in order; after a failure the rest wait (so receipts keep their order).
    private func deliver(_ deliveries: [CustomerSMPPDelivery], accountID: AccountID) async -> [CustomerSMPPDelivery] {
        var results: [CustomerSMPPDelivery] = []
        var blocked = false
        for var delivery in deliveries {
            if blocked {
                results.append(delivery)
                continue
            }
            guard let session = registry.receiver(for: accountID) else {
                blocked = true
                results.append(delivery)
                continue
            }
            let outcome = await attempt(delivery, on: session)
            let now = dependencies.clock.now()
            switch outcome {
            case .delivered:
                delivery.status = .delivered
                delivery.lastError = nil
                delivered.increment()
            case .unbound(let reason):
                // The session went away: no attempt used; another bind (or the next one) gets it.
                delivery.lastError = reason
                blocked = true
            case .refused(let reason):
                delivery.attempts += 1
                delivery.status = .failed
                delivery.lastError = reason
                abandoned.increment()
                logger.warning("customer refused a deliver_sm for good", metadata: ["account": "\(accountID)", "delivery": "\(delivery.id)", "reason": "\(reason)"])
            case .retry(let reason):
                delivery.attempts += 1
                delivery.lastError = reason
                if delivery.attempts >= configuration.maximumDeliveryAttempts {
                    delivery.status = .failed
                    abandoned.increment()
                    logger.warning("deliver_sm given up after its attempts", metadata: ["account": "\(accountID)", "delivery": "\(delivery.id)", "reason": "\(reason)"])
                } else {
                    delivery.nextAttemptAt = now.adding(retryDelay(afterAttempts: delivery.attempts))
                    retried.increment()
                }
                blocked = true
            }
            results.append(delivery)
        }
        return results
    }

    private enum Outcome {
        case delivered
        case unbound(String)
        case refused(String)
        case retry(String)
    }

    private func attempt(_ delivery: CustomerSMPPDelivery, on session: SMPPServerSession) async -> Outcome {
        let pdus: [DeliverSM]
        switch delivery.content {
        case .receipt(let report):
            pdus = [ReceiptDeliverSMBuilder.deliverSM(for: report, dataCodingZero: configuration.dataCodingZero)]
        case .inbound(let id):
            do {
                guard let message = try await dependencies.store.inboundMessage(id, accountID: delivery.accountID) else {
                    return .refused("inbound message \(id) no longer exists")
                }
                pdus = try inboundBuilder.deliverSMs(for: message, reference: UInt16(truncatingIfNeeded: Int(dependencies.random.uniform(below: 65_536))))
            } catch let error as CustomerSMPPError {
                return .refused(error.reason)
            } catch {
                return .retry("\(error)")
            }
        }
        for pdu in pdus {
            do {
                try await session.deliver(pdu)
            } catch let error as SMPPError {
                if let status = error.commandStatus, error.code == .rejected {
                    if status == .receiverPermanentAppError || status == .receiverRejectMessage { return .refused("customer answered \(status.name)") }
                    return .retry("customer answered \(status.name)")
                }
                if error.wasNotSent || error.code == .connectionLost { return .unbound(error.code.rawValue) }
                return .retry(error.code.rawValue)
            } catch {
                return .retry("\(error)")
            }
        }
        return .delivered
    }

    /// 2 s, 4 s, 8 s … capped at 60 s (from ``CustomerSMPPConfiguration/deliveryRetryDelay``).
    func retryDelay(afterAttempts attempts: Int) -> Duration {
        var delay = configuration.deliveryRetryDelay
        for _ in 1..<max(1, attempts) where delay < .seconds(60) { delay = delay * 2 }
        return min(delay, .seconds(60))
    }

    /// Gives up entries that waited longer than the hold time, and deletes finished entries as old (they
    /// hold handset numbers, which Herald keeps no longer than it needs).
    private func sweep() async {
        let cutoff = dependencies.clock.now().adding(.zero - configuration.deliveryHold)
        do {
            let count = try await dependencies.store.abandonCustomerSMPPDeliveries(createdBefore: cutoff, reason: "held longer than the hold time without a receiving bind")
            if count > 0 {
                abandoned.increment(by: count)
                logger.warning("SMPP deliveries given up after the hold time", metadata: ["count": "\(count)"])
            }
            _ = try await dependencies.store.purgeCustomerSMPPDeliveries(createdBefore: cutoff)
        } catch {
            logger.error("giving up old SMPP deliveries failed", metadata: ["error": "\(error)"])
        }
    }
}
