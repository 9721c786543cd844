/// The state of one token bucket; pure value logic used by ``InMemoryRateLimiter`` (and by tests).
///
/// Tokens are kept as a fraction so slow refill rates (a few per hour) work at millisecond resolution.
public struct TokenBucket: Sendable, Equatable {
    public private(set) var tokens: Double
    public private(set) var updatedAt: Timestamp
    /// The limit last applied, so an idle full bucket can be recognised and forgotten.
    public private(set) var limit: RateLimit

    /// A full bucket.
    public init(limit: RateLimit, at time: Timestamp) {
        self.tokens = Double(limit.capacity)
        self.updatedAt = time
        self.limit = limit
    }

    /// Refills for the time passed since the last update, then takes `cost` tokens if there are enough.
    public mutating func take(_ cost: Int, limit: RateLimit, at time: Timestamp) -> RateLimitDecision {
        refill(limit: limit, at: time)
        let needed = Double(max(0, cost))
        if tokens >= needed {
            tokens -= needed
            return RateLimitDecision(isAllowed: true, remaining: Int(tokens.rounded(.down)), retryAfter: .zero)
        }
        return RateLimitDecision(isAllowed: false, remaining: Int(tokens.rounded(.down)), retryAfter: wait(for: needed))
    }

    /// True when, at `time`, the bucket would be full again (and so is equivalent to a new one).
    public func isFull(at time: Timestamp) -> Bool {
        var copy = self
        copy.refill(limit: limit, at: time)
        return copy.tokens >= Double(limit.capacity)
    }

    private mutating func refill(limit newLimit: RateLimit, at time: Timestamp) {
        let elapsed = max(0, time.milliseconds(since: updatedAt))
        tokens = min(Double(newLimit.capacity), tokens + Double(elapsed) / 1000 * newLimit.refillPerSecond)
        if time > updatedAt { updatedAt = time }
        limit = newLimit
    }

    private func wait(for needed: Double) -> Duration {
        Self.wait(needed: needed, tokens: tokens, limit: limit)
    }

    /// How long until a bucket holding `tokens` has `needed` under `limit` (at least a millisecond). Cost
    /// above capacity or no refill: the request can never pass; the answer is a day, so callers still get
    /// a finite Retry-After. Shared by every ``RateLimiter`` so they answer alike.
    public static func wait(needed: Double, tokens: Double, limit: RateLimit) -> Duration {
        guard needed <= Double(limit.capacity), limit.refillPerSecond > 0 else { return .seconds(86_400) }
        let milliseconds = ((needed - tokens) / limit.refillPerSecond * 1000).rounded(.up)
        return .milliseconds(Int64(min(max(milliseconds, 1), 86_400_000)))
    }
}
