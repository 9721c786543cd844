import NIOCore

/// A token bucket rate limiter: `rate` tokens per second, holding at most `burst` tokens.
///
/// Pure: the caller passes the current time, so tests control it.
struct TokenBucket: Sendable {
    let rate: Double
    let burst: Double
    private var tokens: Double
    private var last: NIODeadline?

    /// - Parameters:
    ///   - rate: tokens added per second (> 0).
    ///   - burst: capacity; defaults to one second's worth of tokens (at least 1).
    init(rate: Double, burst: Double? = nil) {
        self.rate = max(rate, 0.000_001)
        self.burst = max(1, burst ?? rate)
        self.tokens = self.burst
    }

    private mutating func refill(now: NIODeadline) {
        if let last {
            let elapsed = Double((now - last).nanoseconds) / 1e9
            if elapsed > 0 {
                tokens = min(burst, tokens + elapsed * rate)
                self.last = now
            }
        } else {
            last = now
        }
    }

    /// Takes one token if available; otherwise returns how long until one is.
    mutating func take(now: NIODeadline) -> TimeAmount? {
        refill(now: now)
        if tokens >= 1 {
            tokens -= 1
            return nil
        }
        let missing = 1 - tokens
        return .nanoseconds(Int64((missing / rate * 1e9).rounded(.up)))
    }
}
