import Logging
import Metrics
import ServiceLifecycle

/// Consumes what carriers send back (receipts, inbound messages, link events) and applies receipts to
/// messages durably before acknowledging them to the carrier.
///
/// Receipts are written in batches. A receipt that arrives before its submission's result is written
/// (fast carriers) is parked and retried as soon as results are written, then periodically for
/// ``pendingReceiptLifetime``.
public final class ReceiptProcessor: Service {
    public struct Dependencies: Sendable {
        public var store: any HeraldStore
        public var gateway: any CarrierGateway
        public var clock: any HeraldClock
        public var webhooks: MessageWebhookFactory
        /// Signalled by the dispatcher after it wrote results.
        public var resultsWritten: DispatchSignal
        /// Receives inbound (mobile-originated) messages; `nil` acknowledges and drops them.
        public var inboundHandler: (@Sendable (InboundCarrierMessage) async -> Void)?

        public init(store: any HeraldStore, gateway: any CarrierGateway, clock: any HeraldClock, webhooks: MessageWebhookFactory, resultsWritten: DispatchSignal, inboundHandler: (@Sendable (InboundCarrierMessage) async -> Void)? = nil) {
            self.store = store
            self.gateway = gateway
            self.clock = clock
            self.webhooks = webhooks
            self.resultsWritten = resultsWritten
            self.inboundHandler = inboundHandler
        }
    }

    private let dependencies: Dependencies
    private let logger: Logger
    public let pendingReceiptLifetime: Duration
    private let buffer = ReceiptBuffer()
    private let receiptCounter = Counter(label: "herald_receipts_total", dimensions: [("result", "matched")])
    private let parkedCounter = Counter(label: "herald_receipts_total", dimensions: [("result", "parked")])

    public init(dependencies: Dependencies, logger: Logger, pendingReceiptLifetime: Duration = .seconds(600)) {
        self.dependencies = dependencies
        self.logger = logger
        self.pendingReceiptLifetime = pendingReceiptLifetime
    }

    public func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.writeLoop() }
            group.addTask { await self.retryParkedLoop() }
            // Events stop when the gateway finishes its stream (it drains on shutdown).
            for await event in dependencies.gateway.events() {
                switch event {
                case .receipt(let receipt):
                    buffer.append(receipt)
                case .inbound(let inbound):
                    if let handler = dependencies.inboundHandler { await handler(inbound) } else { inbound.acknowledge(true) }
                case .linkStateChanged(let link, let bind, let isUp, let detail):
                    logger.info("carrier link state", metadata: ["link": "\(link)", "bind": "\(bind)", "up": "\(isUp)", "detail": "\(detail)"])
                }
            }
            buffer.finish()
            await group.next()
            group.cancelAll()
        }
    }

    private func writeLoop() async {
        while let batch = await buffer.next() {
            let records = batch.map { receipt in
                ReceiptRecord(
                    linkID: receipt.linkID, carrierMessageID: receipt.carrierMessageID, lookupKeys: receipt.lookupKeys, state: receipt.state,
                    errorCode: receipt.errorCode, doneAt: receipt.doneAt, receivedAt: dependencies.clock.now())
            }
            do {
                let matched = try await apply(records)
                for (receipt, wasMatched) in zip(batch, matched) {
                    (wasMatched ? receiptCounter : parkedCounter).increment()
                    receipt.acknowledge(true)
                }
            } catch {
                logger.error("storing receipts failed; the carrier will be told to retry", metadata: ["error": "\(error)", "count": "\(batch.count)"])
                for receipt in batch { receipt.acknowledge(false) }
            }
        }
    }

    private func apply(_ records: [ReceiptRecord]) async throws -> [Bool] {
        let clock = dependencies.clock
        let webhooks = dependencies.webhooks
        return try await dependencies.store.applyReceipts(records) { message, parts, receipt in
            let now = clock.now()
            guard ReceiptApplication.apply(receipt, to: &message, parts: &parts, at: now) else { return SideEffects() }
            return webhooks.statusEffects(for: message, at: now)
        }
    }

    private func retryParkedLoop() async {
        while !Task.isCancelled {
            await dependencies.resultsWritten.wait(timeout: .seconds(1))
            if Task.isCancelled { return }
            do {
                let parked = try await dependencies.store.pendingReceipts(limit: 500)
                if !parked.isEmpty { _ = try await apply(parked) }
                let cutoff = dependencies.clock.now().adding(.zero - pendingReceiptLifetime)
                let dropped = try await dependencies.store.deletePendingReceipts(receivedBefore: cutoff)
                if dropped > 0 { logger.warning("dropped receipts that matched no message", metadata: ["count": "\(dropped)"]) }
            } catch is CancellationError {
                return  // shutting down
            } catch {
                logger.error("retrying parked receipts failed", metadata: ["error": "\(error)"])
            }
        }
    }
}
