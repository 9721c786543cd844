/// Enforces each account's message rate (``AccountLimits/messagesPerSecond`` with burst
/// ``AccountLimits/messageBurst``) on every channel, answering `rate_limited` with a retry delay.
public struct AccountRateGuard: SendGuard {
    public let limiter: any RateLimiter

    public init(limiter: any RateLimiter) {
        self.limiter = limiter
    }

    public func check(_ context: SendContext) async throws {
        let limits = context.account.limits
        let limit = RateLimit(capacity: max(1, limits.messageBurst), refillPerSecond: max(0.001, limits.messagesPerSecond))
        let decision = try await limiter.acquire(key: "messages:\(context.account.id.rawValue)", cost: 1, limit: limit)
        guard decision.isAllowed else {
            let seconds = max(1, Int(decision.retryAfter.components.seconds) + (decision.retryAfter.components.attoseconds > 0 ? 1 : 0))
            throw HeraldError(
                .rateLimited, code: "rate_limited",
                "this account may send \(limits.messagesPerSecond) messages per second (burst \(limits.messageBurst)); retry after \(seconds) s",
                retryAfterSeconds: seconds)
        }
    }
}
