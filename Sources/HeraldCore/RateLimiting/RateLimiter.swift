/// Decides whether an action may happen now, per key, under a token-bucket limit.
///
/// The protocol is deliberately small so a shared implementation (one bucket table for a cluster) can
/// replace the in-memory one without touching callers. A denied acquisition takes no tokens.
///
/// ```swift
/// let limiter = InMemoryRateLimiter(clock: SystemClock())
/// let decision = try await limiter.acquire(key: "verify:acct:acc_…", cost: 1, limit: .init(capacity: 100, refillPerSecond: 50))
/// guard decision.isAllowed else { throw HeraldError.rateLimited(retryAfter: decision.retryAfter) }
/// ```
public protocol RateLimiter: Sendable {
    /// Takes `cost` tokens from the bucket named `key` when it holds that many; otherwise takes nothing
    /// and says when enough tokens will be there.
    func acquire(key: String, cost: Int, limit: RateLimit) async throws -> RateLimitDecision
}

extension RateLimiter {
    /// Takes one token.
    public func acquire(key: String, limit: RateLimit) async throws -> RateLimitDecision {
        try await acquire(key: key, cost: 1, limit: limit)
    }
}

/// A token bucket: holds at most ``capacity`` tokens (the burst) and gains ``refillPerSecond`` tokens per
/// second (the sustained rate). A bucket seen for the first time is full.
public struct RateLimit: Sendable, Hashable, Codable {
    public var capacity: Int
    public var refillPerSecond: Double

    public init(capacity: Int, refillPerSecond: Double) {
        self.capacity = max(0, capacity)
        self.refillPerSecond = max(0, refillPerSecond)
    }

    /// `count` actions per `interval` on average, with bursts of up to `burst` (default `count`).
    ///
    /// ```swift
    /// RateLimit.perInterval(5, .seconds(600))   // 5 per 10 minutes, burst 5
    /// ```
    public static func perInterval(_ count: Int, _ interval: Duration, burst: Int? = nil) -> RateLimit {
        let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        return RateLimit(capacity: burst ?? count, refillPerSecond: seconds > 0 ? Double(count) / seconds : 0)
    }

    enum CodingKeys: String, CodingKey {
        case capacity
        case refillPerSecond = "refill_per_second"
    }
}

/// The answer of a ``RateLimiter``.
public struct RateLimitDecision: Sendable, Equatable {
    public var isAllowed: Bool
    /// Whole tokens left in the bucket after this decision.
    public var remaining: Int
    /// Zero when allowed; otherwise the wait until `cost` tokens are available (one day when `cost`
    /// exceeds the capacity or the bucket never refills, so the answer stays finite).
    public var retryAfter: Duration

    public init(isAllowed: Bool, remaining: Int, retryAfter: Duration) {
        self.isAllowed = isAllowed
        self.remaining = remaining
        self.retryAfter = retryAfter
    }

    /// `retryAfter` in whole seconds, rounded up, at least 1 (for a `Retry-After` header).
    public var retryAfterSeconds: Int {
        let (seconds, attoseconds) = retryAfter.components
        return max(1, Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }
}
