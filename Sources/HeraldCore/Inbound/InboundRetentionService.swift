import Logging
import ServiceLifecycle

/// Erases inbound message bodies past the same retention period as outbound bodies
/// (`retention.message_body_days`), so replies are kept no longer than what Herald sent.
public final class InboundRetentionService: Service {
    private let store: any InboundStore
    private let clock: any HeraldClock
    private let retention: Duration
    private let interval: Duration
    private let logger: Logger

    public init(store: any InboundStore, clock: any HeraldClock, retention: Duration, interval: Duration = .seconds(60), logger: Logger) {
        self.store = store
        self.clock = clock
        self.retention = retention
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelledOrShuttingDown {
            do {
                try await runOnce()
            } catch {
                logger.error("erasing inbound bodies failed", metadata: ["error": "\(error)"])
            }
            await Task.sleepUnlessShuttingDown(for: interval)
        }
    }

    /// Erases every body past retention (in batches); returns how many.
    @discardableResult
    public func runOnce() async throws -> Int {
        var total = 0
        while true {
            let now = clock.now()
            let cutoff = now.adding(.zero - retention)
            let erased = try await store.eraseInboundBodies(
                receivedBefore: cutoff, limit: 1000,
                audit: [AuditEvent(at: now, actor: .system("retention"), action: "inbound.erase_bodies", target: "inbound_messages", details: ["received_before": cutoff.iso8601])])
            total += erased
            if erased < 1000 { break }
        }
        if total > 0 { logger.info("erased inbound bodies past retention", metadata: ["count": "\(total)"]) }
        return total
    }
}
