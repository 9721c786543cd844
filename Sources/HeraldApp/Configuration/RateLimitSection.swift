import HeraldCore

/// A token bucket in a configuration file: `count` actions per `interval_seconds` on average, bursts of up
/// to `burst`.
///
/// ```yaml
/// number: { burst: 5, count: 5, interval_seconds: 600 }   # 5 codes per 10 minutes
/// ```
public struct RateLimitSection: Codable, Sendable, Equatable {
    public var burst: Int
    public var count: Int
    public var intervalSeconds: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case burst, count
        case intervalSeconds = "interval_seconds"
    }

    public init(burst: Int, count: Int, intervalSeconds: Int) {
        self.burst = burst
        self.count = count
        self.intervalSeconds = intervalSeconds
    }

    /// The section describing `limit` (rounded to whole actions per interval).
    public init(_ limit: RateLimit, intervalSeconds: Int) {
        self.init(burst: limit.capacity, count: Int((limit.refillPerSecond * Double(intervalSeconds)).rounded()), intervalSeconds: intervalSeconds)
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            burst: try c.decode(Int.self, forKey: .burst), count: try c.decode(Int.self, forKey: .count),
            intervalSeconds: try c.decode(Int.self, forKey: .intervalSeconds))
    }

    public var rateLimit: RateLimit { .perInterval(count, .seconds(intervalSeconds), burst: burst) }

    /// Checks the bucket; `name` is the key's full path for the message.
    func validate(_ name: String) throws {
        guard (1...1_000_000_000).contains(burst) else { throw ConfigurationError("'\(name).burst' must be 1-1000000000") }
        guard (1...1_000_000_000).contains(count) else { throw ConfigurationError("'\(name).count' must be 1-1000000000") }
        guard (1...86_400).contains(intervalSeconds) else { throw ConfigurationError("'\(name).interval_seconds' must be 1-86400 (one day)") }
    }
}
