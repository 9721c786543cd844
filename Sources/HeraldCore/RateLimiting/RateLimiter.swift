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
