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
