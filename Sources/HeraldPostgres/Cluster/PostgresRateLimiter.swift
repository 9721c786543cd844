import HeraldCore
import PostgresNIO
import Synchronization

/// A ``RateLimiter`` whose token buckets live in PostgreSQL (`rate_limit_buckets`), so every node sharing the
/// database draws on one budget per key.
///
/// Each acquisition is one `INSERT … ON CONFLICT DO UPDATE` statement: the refill since the bucket's last
/// update is computed in SQL and the tokens are taken only when enough are there, under the row lock the
/// upsert holds, so concurrent acquisitions from any node never spend the same tokens twice. Times are the
/// node's clock (as for ``InMemoryRateLimiter``); a node whose clock is behind gets no refill until it
/// catches up rather than extra tokens. Buckets that have refilled completely are equivalent to absent
/// ones and are deleted from time to time.
///
/// ```swift
/// let limiter = PostgresRateLimiter(store: store, clock: SystemClock())
/// let decision = try await limiter.acquire(key: "ip:203.0.113.7", limit: .perInterval(20, .seconds(60)))
/// ```
public final class PostgresRateLimiter: RateLimiter {
    /// `$1` key, `$2` cost, `$3` capacity, `$4` refill per second, `$5` now (ms), `$6` when a bucket updated
    /// now is full again at the latest (ms).
    static let acquireSQL = """
        INSERT INTO rate_limit_buckets AS b (key, tokens, updated_at, allowed, full_at)
        VALUES ($1, CASE WHEN $3 >= $2 THEN $3 - $2 ELSE $3 END, $5, $3 >= $2, $6)
        ON CONFLICT (key) DO UPDATE SET
            tokens = CASE
                WHEN LEAST($3, b.tokens + GREATEST(0, $5 - b.updated_at)::float8 / 1000.0 * $4) >= $2
                THEN LEAST($3, b.tokens + GREATEST(0, $5 - b.updated_at)::float8 / 1000.0 * $4) - $2
                ELSE LEAST($3, b.tokens + GREATEST(0, $5 - b.updated_at)::float8 / 1000.0 * $4) END,
            allowed = LEAST($3, b.tokens + GREATEST(0, $5 - b.updated_at)::float8 / 1000.0 * $4) >= $2,
            updated_at = GREATEST(b.updated_at, $5),
            full_at = GREATEST(b.full_at, $6)
        RETURNING tokens, allowed
        """

    private let store: PostgresHeraldStore
    private let clock: any HeraldClock
    private let pruneEvery: Int
    private let operations = Atomic<Int>(0)

    /// - Parameter pruneEvery: full buckets are deleted after this many acquisitions on this node.
    public init(store: PostgresHeraldStore, clock: any HeraldClock, pruneEvery: Int = 4096) {
        self.store = store
        self.clock = clock
        self.pruneEvery = max(1, pruneEvery)
    }

    public func acquire(key: String, cost: Int, limit: RateLimit) async throws -> RateLimitDecision {
        let now = clock.now()
        let needed = Double(max(0, cost))
        let capacity = Double(limit.capacity)
        // A bucket is full again at most capacity / rate after its last update (never without a refill).
        let fillMilliseconds = limit.refillPerSecond > 0 ? min(capacity / limit.refillPerSecond * 1000, 1e15).rounded(.up) : 1e15
        let fullAt = now.millisecondsSince1970 &+ Int64(fillMilliseconds)
        let (tokens, allowed) = try await store.autocommit("taking rate-limit tokens") { tx in
            guard let row = try await tx.row(Self.acquireSQL, [
                key, needed, capacity, limit.refillPerSecond, now.millisecondsSince1970, fullAt,
            ]) else {
                throw PostgresStoreError.corrupt("rate_limit_buckets", "the upsert returned no row")
            }
            var reader = PostgresRowReader(row)
            return (try reader.next(Double.self), try reader.next(Bool.self))
        }
        if operations.add(1, ordering: .relaxed).newValue % pruneEvery == 0 { await prune(at: now) }
        let remaining = Int(max(0, tokens).rounded(.down))
        guard !allowed else { return RateLimitDecision(isAllowed: true, remaining: remaining, retryAfter: .zero) }
        return RateLimitDecision(isAllowed: false, remaining: remaining, retryAfter: TokenBucket.wait(needed: needed, tokens: tokens, limit: limit))
    }

    /// Deletes buckets that are full by now (equivalent to absent ones). Failures only cost space.
    func prune(at now: Timestamp) async {
        _ = try? await store.autocommit("deleting full rate-limit buckets") { tx in
            try await tx.execute("DELETE FROM rate_limit_buckets WHERE full_at < ?", [now.millisecondsSince1970])
        }
    }
}
