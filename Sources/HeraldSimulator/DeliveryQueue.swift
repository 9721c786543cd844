import DequeModule
import Logging
import SMPP
import Synchronization

/// Pushes deliver_sm PDUs to bound receivers after their due time, in order, retrying while no receiver
/// is bound or the receiver answers with a temporary error. Bounded: the oldest entries are dropped
/// beyond the limit.
final class DeliveryQueue: Sendable {
    private struct State {
        var queue = Deque<PendingDelivery>()
        var retry = Deque<PendingDelivery>()
        var dropped = 0
    }

    private let state = Mutex(State())
    private let wake = SimulatorSignal()
    private let limit: Int
    private let logger: Logger
    private let statistics: SimulatorCounters
    private let inFlight = Atomic<Int>(0)

    init(limit: Int, statistics: SimulatorCounters, logger: Logger) {
        self.limit = limit
        self.statistics = statistics
        self.logger = logger
    }

    var pendingCount: Int { state.withLock { $0.queue.count + $0.retry.count } }

    func enqueue(_ delivery: PendingDelivery) {
        state.withLock { state in
            state.queue.append(delivery)
            if state.queue.count + state.retry.count > limit {
                _ = state.queue.popFirst()
                state.dropped += 1
            }
        }
        wake.signal()
    }

    /// Runs until cancelled, pushing due deliveries through `server`.
    func run(server: SMPPServer) async {
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled {
                let now = ContinuousClock.now
                let (ready, nextDue) = takeDue(now: now, maximum: max(0, 512 - inFlight.load(ordering: .relaxed)))
                for delivery in ready {
                    self.inFlight.add(1, ordering: .relaxed)
                    group.addTask {
                        await self.push(delivery, server: server)
                        self.inFlight.subtract(1, ordering: .relaxed)
                        self.wake.signal()
                    }
                }
                if ready.isEmpty {
                    let wait = nextDue.map { max(.milliseconds(1), min($0 - now, .seconds(1))) } ?? .seconds(1)
                    await wake.wait(timeout: wait)
                }
            }
        }
    }

    private func takeDue(now: ContinuousClock.Instant, maximum: Int) -> ([PendingDelivery], ContinuousClock.Instant?) {
        state.withLock { state in
            var ready: [PendingDelivery] = []
            // Both queues are in due order: entries are appended with a constant delay.
            while ready.count < maximum, let first = state.queue.first, first.due <= now { ready.append(state.queue.removeFirst()) }
            while ready.count < maximum, let first = state.retry.first, first.due <= now { ready.append(state.retry.removeFirst()) }
            let next = [state.queue.first?.due, state.retry.first?.due].compactMap { $0 }.min()
            return (ready, next)
        }
    }

    private func push(_ delivery: PendingDelivery, server: SMPPServer) async {
        let receivers = server.sessions(systemID: delivery.systemID).filter { $0.bindType.canReceive }
        let target = receivers.first { $0.id == delivery.preferredSession } ?? receivers.randomElement()
        guard let target else {
            requeue(delivery, reason: "no receiver bound")
            return
        }
        do {
            try await target.deliver(delivery.deliverSM)
            statistics.delivered.add(1, ordering: .relaxed)
        } catch {
            requeue(delivery, reason: "\(error)")
        }
    }

    private func requeue(_ delivery: PendingDelivery, reason: String) {
        var delivery = delivery
        delivery.attempts += 1
        guard delivery.attempts <= 3600 else {
            logger.warning("simulator gave up a deliver_sm", metadata: ["system_id": "\(delivery.systemID)", "reason": "\(reason)"])
            return
        }
        delivery.due = ContinuousClock.now + .seconds(1)
        delivery.preferredSession = nil
        state.withLock { $0.retry.append(delivery) }
        wake.signal()
    }
}
