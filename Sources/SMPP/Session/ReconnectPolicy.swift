import NIOCore

/// Exponential reconnect backoff with jitter: `initialDelay × multiplier^attempt`, capped at
/// `maxDelay`, then spread by ±`jitter` (a fraction, 0.2 = ±20 %).
public struct ReconnectPolicy: Sendable, Hashable {
    public var initialDelay: TimeAmount
    public var maxDelay: TimeAmount
    public var multiplier: Double
    public var jitter: Double

    public init(initialDelay: TimeAmount = .milliseconds(500), maxDelay: TimeAmount = .seconds(30),
                multiplier: Double = 2, jitter: Double = 0.2) {
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.multiplier = max(1, multiplier)
        self.jitter = min(max(0, jitter), 1)
    }
}

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
