import Synchronization

/// Recent health of one link: exponentially weighted error rate and response latency, and whether the
/// carrier throttled us lately.
final class LinkHealth: Sendable {
    private struct State {
        var errorRate = 0.0
        var latencyMilliseconds = 0.0
        var throttledUntil: ContinuousClock.Instant?
        var samples = 0
    }

    private let state = Mutex(State())
    /// Weight of the newest sample.
    private let alpha = 0.05
    /// How long a throttle answer marks the link as throttled.
    private let throttleMemory = Duration.seconds(2)

    func recordSuccess(latency: Duration) {
        let milliseconds = Double(latency.components.seconds) * 1000 + Double(latency.components.attoseconds) / 1e15
        state.withLock { state in
            state.samples += 1
            let weight = state.samples < 20 ? 1 / Double(state.samples) : alpha
            state.errorRate += weight * (0 - state.errorRate)
            state.latencyMilliseconds += weight * (milliseconds - state.latencyMilliseconds)
        }
    }

    func recordFailure(throttled: Bool) {
        state.withLock { state in
            state.samples += 1
            let weight = state.samples < 20 ? 1 / Double(state.samples) : alpha
            state.errorRate += weight * (1 - state.errorRate)
            if throttled { state.throttledUntil = .now + throttleMemory }
        }
    }

    var snapshot: (errorRate: Double, latencyMilliseconds: Double, throttled: Bool) {
        state.withLock { state in
            (state.errorRate, state.latencyMilliseconds, state.throttledUntil.map { $0 > .now } ?? false)
        }
    }
}
