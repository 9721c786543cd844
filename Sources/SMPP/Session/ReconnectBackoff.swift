import NIOCore

/// Pure reconnect backoff state (see ``ReconnectPolicy``).
struct ReconnectBackoff: Sendable {
    let policy: ReconnectPolicy
    private(set) var attempt = 0

    init(policy: ReconnectPolicy) {
        self.policy = policy
    }

    /// The delay before the next attempt; `unitRandom` is a uniform value in [0, 1).
    mutating func nextDelay(unitRandom: Double) -> TimeAmount {
        var base = Double(policy.initialDelay.nanoseconds)
        for _ in 0..<attempt {
            base *= policy.multiplier
            if base >= Double(policy.maxDelay.nanoseconds) { break }
        }
        base = min(base, Double(policy.maxDelay.nanoseconds))
        attempt += 1
        let spread = 1 + policy.jitter * (2 * min(max(unitRandom, 0), 1) - 1)
        return .nanoseconds(Int64(max(0, base * spread)))
    }

    mutating func reset() {
        attempt = 0
    }
}
