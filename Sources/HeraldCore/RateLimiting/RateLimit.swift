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
