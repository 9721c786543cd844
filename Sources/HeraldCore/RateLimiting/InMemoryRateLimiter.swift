import Synchronization

/// A ``RateLimiter`` that keeps token buckets in this process's memory, for a single node.
///
/// Buckets are spread over shards, each behind its own lock, so concurrent requests for different keys
/// rarely contend. Buckets that have refilled completely are equivalent to absent ones and are dropped
/// from time to time, which bounds memory by the number of keys active within one refill period.
///
/// ```swift
/// let limiter = InMemoryRateLimiter(clock: SystemClock())
/// let decision = try await limiter.acquire(key: "ip:203.0.113.7", limit: .perInterval(20, .seconds(60)))
/// ```
public final class InMemoryRateLimiter: RateLimiter {
    private struct Shard {
        var buckets: [String: TokenBucket] = [:]
        var operationsSincePrune = 0
    }

    /// A lock around one shard (a class, because `Mutex` cannot be stored in an array).
    private final class LockedShard: Sendable {
        let mutex = Mutex(Shard())
    }

    private let shards: [LockedShard]
    private let clock: any HeraldClock
    private let pruneEvery: Int

    /// - Parameters:
    ///   - shardCount: number of independently locked shards.
    ///   - pruneEvery: a shard drops its full buckets after this many acquisitions.
    public init(clock: any HeraldClock, shardCount: Int = 16, pruneEvery: Int = 4096) {
        self.clock = clock
        self.shards = (0..<max(1, shardCount)).map { _ in LockedShard() }
        self.pruneEvery = max(1, pruneEvery)
    }

    public func acquire(key: String, cost: Int, limit: RateLimit) async throws -> RateLimitDecision {
        let now = clock.now()
        return shards[shardIndex(for: key)].mutex.withLock { shard in
            shard.operationsSincePrune += 1
            if shard.operationsSincePrune >= pruneEvery {
                shard.operationsSincePrune = 0
                shard.buckets = shard.buckets.filter { !$0.value.isFull(at: now) }
            }
            var bucket = shard.buckets[key] ?? TokenBucket(limit: limit, at: now)
            let decision = bucket.take(cost, limit: limit, at: now)
            shard.buckets[key] = bucket
            return decision
        }
    }

    /// Buckets currently held (for tests and diagnostics).
    public var bucketCount: Int { shards.reduce(0) { total, shard in total + shard.mutex.withLock { $0.buckets.count } } }

    private func shardIndex(for key: String) -> Int {
        // FNV-1a: stable and cheap; the shard choice needs no secrecy.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return Int(hash % UInt64(shards.count))
    }
}
