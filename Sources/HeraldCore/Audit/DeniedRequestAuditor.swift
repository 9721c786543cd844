import Logging
import ServiceLifecycle
import Synchronization

/// Audits every denied request without letting a flood of them flood the audit log or the database.
///
/// ``record(_:)`` only counts (no I/O on the request path). Once per ``window`` the service writes one
/// `request.denied` audit event per caller (actor), client address and problem code seen in the window,
/// carrying the number of refusals (`count`), the first and last time and the operations; so a
/// credential-stuffing run of 10,000 requests a second from one address costs one audit entry a second.
/// More than ``maximumKeys`` distinct callers in one window are summed into a single `overflow` event.
/// Events not yet written when the process dies (at most one window) are lost; the rest are written
/// through ``AuditQueueStore/appendAudit(_:)``, sealed like every other entry.
///
/// ```swift
/// let auditor = DeniedRequestAuditor(store: store, clock: clock, logger: logger)
/// auditor.record(DeniedRequest(at: now, actor: .anonymous("http"), clientAddress: "192.0.2.7",
///                              channel: "http", operation: "POST /v1/messages", status: 401, code: "invalid_api_key"))
/// // added to the service group: flushes every second, and once more on shutdown
/// ```
public final class DeniedRequestAuditor: Service, Sendable {
    /// The audit action of the events written.
    public static let action = "request.denied"
    /// Most operations named in one event.
    static let maximumOperations = 5

    private struct Key: Hashable {
        var actor: String
        var clientAddress: String
        var code: String
    }

    private struct Tally {
        var first: DeniedRequest
        var last: Timestamp
        var count: Int
        var operations: [String]
    }

    private struct State {
        var tallies: [Key: Tally] = [:]
        var order: [Key] = []
        var overflow = 0
        var overflowFirst: Timestamp?
        /// Events whose write failed, retried with the next flush.
        var unwritten: [AuditEvent] = []
    }

    private let store: any AuditQueueStore
    private let clock: any HeraldClock
    public let window: Duration
    public let maximumKeys: Int
    private let logger: Logger
    private let state = Mutex(State())

    public init(store: any AuditQueueStore, clock: any HeraldClock, window: Duration = .seconds(1), maximumKeys: Int = 10_000, logger: Logger) {
        self.store = store
        self.clock = clock
        self.window = window
        self.maximumKeys = max(1, maximumKeys)
        self.logger = logger
    }

    /// Counts one refusal; cheap and non-blocking.
    public func record(_ request: DeniedRequest) {
        let key = Key(actor: request.actor.description, clientAddress: request.clientAddress ?? "", code: request.code)
        state.withLock { state in
            if var tally = state.tallies[key] {
                tally.count += 1
                tally.last = max(tally.last, request.at)
                if tally.operations.count < Self.maximumOperations, !tally.operations.contains(request.operation) {
                    tally.operations.append(request.operation)
                }
                state.tallies[key] = tally
            } else if state.tallies.count < maximumKeys {
                state.tallies[key] = Tally(first: request, last: request.at, count: 1, operations: [request.operation])
                state.order.append(key)
            } else {
                state.overflow += 1
                if state.overflowFirst == nil { state.overflowFirst = request.at }
            }
        }
    }

    /// Writes the events for everything counted since the last flush (exposed for tests and shutdown).
    public func flush() async {
        let events = state.withLock { state -> [AuditEvent] in
            var events = state.unwritten
            state.unwritten = []
            for key in state.order {
                guard let tally = state.tallies[key] else { continue }
                events.append(Self.event(tally))
            }
            if state.overflow > 0 {
                let at = state.overflowFirst ?? clock.now()
                events.append(AuditEvent(
                    at: at, actor: .system("denied_request_auditor"), action: Self.action, target: "overflow", outcome: "denied",
                    details: ["code": "overflow", "count": String(state.overflow), "reason": "more than \(maximumKeys) distinct callers were refused in one window"]))
            }
            state.tallies = [:]
            state.order = []
            state.overflow = 0
            state.overflowFirst = nil
            return events
        }
        guard !events.isEmpty else { return }
        do {
            try await store.appendAudit(events)
        } catch {
            logger.error("writing denied-request audit events failed; retrying with the next flush", metadata: ["count": "\(events.count)", "error": "\(error)"])
            state.withLock { state in
                state.unwritten = Array((events + state.unwritten).prefix(maximumKeys))
            }
        }
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.window) }
            await flush()
        }
        await flush()
    }

    private static func event(_ tally: Tally) -> AuditEvent {
        let request = tally.first
        var details = [
            "channel": request.channel, "operation": request.operation, "status": String(request.status), "code": request.code,
            "count": String(tally.count),
        ]
        if tally.count > 1 {
            details["last_at"] = tally.last.iso8601
            if tally.operations.count > 1 { details["operations"] = tally.operations.joined(separator: ", ") }
        }
        var sensitive: [String: String] = [:]
        if let address = request.clientAddress { sensitive["client_address"] = address }
        return AuditEvent(
            at: request.at, actor: request.actor, action: action, target: "\(request.channel):\(request.operation)", outcome: "denied",
            details: details, sensitive: sensitive)
    }
}
