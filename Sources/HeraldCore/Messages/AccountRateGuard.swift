/// Enforces each account's message limits on every channel, answering `rate_limited` with a retry delay:
/// the rate (``AccountLimits/messagesPerSecond`` with burst ``AccountLimits/messageBurst``) and the daily
/// volume (``AccountLimits/messagesPerDay``, a bucket of one day's quota that refills over 24 hours).
public struct AccountRateGuard: SendGuard {
    public let limiter: any RateLimiter

    public init(limiter: any RateLimiter) {
        self.limiter = limiter
    }

    public func check(_ context: SendContext) async throws {
        let limits = context.account.limits
        let account = context.account.id.rawValue
        let rate = RateLimit(capacity: max(1, limits.messageBurst), refillPerSecond: max(0.001, limits.messagesPerSecond))
        let decision = try await limiter.acquire(key: "messages:\(account)", cost: 1, limit: rate)
        guard decision.isAllowed else {
            throw HeraldError(
                .rateLimited, code: "rate_limited",
                "this account may send \(limits.messagesPerSecond) messages per second (burst \(limits.messageBurst)); retry after \(decision.retryAfterSeconds) s",
                retryAfterSeconds: decision.retryAfterSeconds)
        }
        let daily = RateLimit.perInterval(max(1, limits.messagesPerDay), .seconds(86_400))
        let volume = try await limiter.acquire(key: "messages-day:\(account)", cost: 1, limit: daily)
        guard volume.isAllowed else {
            throw HeraldError(
                .rateLimited, code: "rate_limited",
                "this account may send \(limits.messagesPerDay) messages per 24 hours; retry after \(volume.retryAfterSeconds) s",
                retryAfterSeconds: volume.retryAfterSeconds)
        }
    }
}
