import HeraldCore
import Testing

@Suite struct RateLimiterTests {
    let start = Timestamp(millisecondsSince1970: 1_767_225_600_000)

    @Test func aBucketAllowsItsBurstThenRefillsAtItsRate() {
        let limit = RateLimit(capacity: 3, refillPerSecond: 0.5)
        var bucket = TokenBucket(limit: limit, at: start)
        for _ in 0..<3 { #expect(bucket.take(1, limit: limit, at: start).isAllowed) }
        let denied = bucket.take(1, limit: limit, at: start)
        #expect(!denied.isAllowed)
        #expect(denied.retryAfter == .seconds(2))
        #expect(denied.retryAfterSeconds == 2)
        #expect(!bucket.take(1, limit: limit, at: start.adding(seconds: 1)).isAllowed)
        #expect(bucket.take(1, limit: limit, at: start.adding(seconds: 2)).isAllowed)
    }

    @Test func aDeniedRequestTakesNothing() {
        let limit = RateLimit(capacity: 2, refillPerSecond: 1)
        var bucket = TokenBucket(limit: limit, at: start)
        #expect(!bucket.take(3, limit: limit, at: start).isAllowed)
        #expect(bucket.take(2, limit: limit, at: start).isAllowed)
    }

    @Test func aCostAboveCapacityGetsAFiniteRetryAfter() {
        let limit = RateLimit(capacity: 2, refillPerSecond: 1)
        var bucket = TokenBucket(limit: limit, at: start)
        let decision = bucket.take(5, limit: limit, at: start)
        #expect(!decision.isAllowed)
        #expect(decision.retryAfter == .seconds(86_400))
    }

    @Test func perIntervalLimitsRefillEvenly() {
        let limit = RateLimit.perInterval(5, .seconds(600))
        #expect(limit.capacity == 5)
        #expect(abs(limit.refillPerSecond - 5.0 / 600) < 1e-12)
    }

    @Test func theLimiterKeepsKeysApartAndForgetsFullBuckets() async throws {
        let clock = ManualClock(start: start)
        let limiter = InMemoryRateLimiter(clock: clock, shardCount: 4, pruneEvery: 8)
        let limit = RateLimit(capacity: 1, refillPerSecond: 1)
        #expect(try await limiter.acquire(key: "a", limit: limit).isAllowed)
        #expect(!(try await limiter.acquire(key: "a", limit: limit).isAllowed))
        #expect(try await limiter.acquire(key: "b", limit: limit).isAllowed)
        for index in 0..<40 { _ = try await limiter.acquire(key: "k\(index)", limit: limit) }
        #expect(limiter.bucketCount == 42)
        clock.advance(by: .seconds(5))
        // Zero-cost probes leave full buckets; every shard reaches its prune count several times.
        for index in 0..<100 { _ = try await limiter.acquire(key: "z\(index)", cost: 0, limit: limit) }
        // After a full refill every old bucket is equivalent to a new one and has been dropped; at most the
        // probes made since each shard's last prune remain.
        #expect(limiter.bucketCount < 4 * 8)
    }
}
