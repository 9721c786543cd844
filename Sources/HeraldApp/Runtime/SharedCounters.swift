import HeraldCore
import HeraldPostgres

/// Picks where rate-limit buckets and fraud-guard traffic are counted: in PostgreSQL when the store is
/// PostgreSQL (so every node of a cluster shares one budget and one view of the traffic), else in this
/// node's memory (SQLite serves one node).
enum SharedCounters {
    static func rateLimiter(for store: any GatewayStore, clock: any HeraldClock) -> any RateLimiter {
        if let postgres = store as? PostgresHeraldStore { return PostgresRateLimiter(store: postgres, clock: clock) }
        return InMemoryRateLimiter(clock: clock)
    }

    static func fraudTraffic(for store: any GatewayStore, configuration: FraudGuardConfiguration) -> any FraudTrafficCounter {
        if let postgres = store as? PostgresHeraldStore { return PostgresFraudTrafficCounter(store: postgres, configuration: configuration) }
        return InMemoryFraudTrafficCounter(configuration: configuration)
    }
}
