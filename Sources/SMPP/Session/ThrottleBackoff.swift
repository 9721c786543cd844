import NIOCore

/// Pure state of the adaptive throttle backoff (see ``ThrottlePolicy``).
struct ThrottleBackoff: Sendable {
    let policy: ThrottlePolicy
    private(set) var level = 0
    private var lastThrottle: NIODeadline?
    private var lastDelay: TimeAmount = .zero

    init(policy: ThrottlePolicy) {
        self.policy = policy
    }

    /// Registers a throttling response; returns how long the bind must pause.
    mutating func throttled(now: NIODeadline) -> TimeAmount {
        decay(now: now)
        let factor = pow(policy.multiplier, Double(level))
        let nanos = min(Double(policy.maxDelay.nanoseconds), Double(policy.initialDelay.nanoseconds) * factor)
        let delay = TimeAmount.nanoseconds(Int64(nanos))
        level = min(level + 1, 62)
        lastThrottle = now
        lastDelay = delay
        return delay
    }

    /// Registers a successful response; the level resets once no throttle was seen for twice the
    /// last delay.
    mutating func succeeded(now: NIODeadline) {
        decay(now: now)
    }

    private mutating func decay(now: NIODeadline) {
        if let lastThrottle, now - lastThrottle > lastDelay * 2 + policy.initialDelay {
            level = 0
            self.lastThrottle = nil
        }
    }
}

private func pow(_ base: Double, _ exponent: Double) -> Double {
    var result = 1.0
    var remaining = Int(exponent)
    while remaining > 0 {
        result *= base
        remaining -= 1
        if result > 1e18 { break }
    }
    return result
}
