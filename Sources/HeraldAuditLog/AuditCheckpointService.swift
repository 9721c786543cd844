import HeraldCore
import Logging
import ServiceLifecycle

/// Issues a checkpoint of the audit log every ``interval`` when it grew, and thins old stored
/// checkpoints (all of the last day are kept, then one per hour), as a service of the node's group.
///
/// A checkpoint every second bounds what a tamperer could cut off the end of the log unnoticed to the
/// last second's entries (see docs/audit-bundle.md, "Threat model").
///
/// ```swift
/// let service = AuditCheckpointService(issuer: issuer, store: store, clock: clock, interval: .seconds(1), logger: logger)
/// // added to the ServiceGroup; stops on graceful shutdown after one last checkpoint
/// ```
public struct AuditCheckpointService: Service {
    /// Stored checkpoints younger than this are all kept.
    public static let keepAllFor: Duration = .seconds(86_400)
    /// Older ones are thinned to one per this interval.
    public static let thinnedInterval: Duration = .seconds(3_600)

    let issuer: AuditCheckpointIssuer
    let store: any AuditLogStore
    let clock: any HeraldClock
    public let interval: Duration
    let logger: Logger

    public init(issuer: AuditCheckpointIssuer, store: any AuditLogStore, clock: any HeraldClock, interval: Duration, logger: Logger) {
        self.issuer = issuer
        self.store = store
        self.clock = clock
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        var lastPrune: Timestamp?
        var failing = false
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            await Self.sleep(for: interval)
            if Task.isCancelled || Task.isShuttingDownGracefully { break }
            failing = await runOnce(failing: failing)
            let now = clock.now()
            if lastPrune.map({ now.milliseconds(since: $0) >= 60_000 }) ?? true {
                lastPrune = now
                do {
                    _ = try await store.pruneAuditCheckpoints(issuedBefore: now.adding(.zero - Self.keepAllFor), keepingOnePer: Self.thinnedInterval)
                } catch is CancellationError {
                    break
                } catch {
                    logger.warning("thinning old audit checkpoints failed", metadata: ["error": "\(error)"])
                }
            }
        }
        // A last checkpoint covers what was appended during shutdown. It runs in a task of its own
        // because the service's task may already be cancelled, and the store refuses cancelled work.
        let last = self
        let wasFailing = failing
        _ = await Task { await last.runOnce(failing: wasFailing) }.value
    }

    /// One round: a checkpoint if the log grew. Returns whether it failed (failures are logged once per streak).
    func runOnce(failing: Bool) async -> Bool {
        do {
            try await issuer.issue(force: false)
            if failing { logger.notice("audit checkpoints are being issued again") }
            return false
        } catch {
            if !failing { logger.error("issuing an audit checkpoint failed", metadata: ["error": "\(error)"]) }
            return true
        }
    }

    private static func sleep(for duration: Duration) async {
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
    }
}
