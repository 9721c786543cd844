/// When to retry a webhook that failed: exponential backoff with a cap, for a bounded total time.
///
/// Defaults: 10 s, 20 s, 40 s … capped at 1 h between attempts, at most 20 attempts: 19 waits of
/// 10 s × (2⁰ … 2⁸) = 5110 s, then 10 × 3600 s, about 11.4 hours from the first attempt to the last.
public struct WebhookRetryPolicy: Sendable, Equatable {
    public var initialDelay: Duration
    public var maximumDelay: Duration
    public var maximumAttempts: Int
    public var requestTimeout: Duration

    public init(initialDelay: Duration = .seconds(10), maximumDelay: Duration = .seconds(3600), maximumAttempts: Int = 20, requestTimeout: Duration = .seconds(10)) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.maximumAttempts = maximumAttempts
        self.requestTimeout = requestTimeout
    }

    /// Delay before attempt number `attempt + 1`, given `attempt` attempts so far (≥ 1).
    public func delay(afterAttempts attempt: Int) -> Duration {
        var delay = initialDelay
        for _ in 1..<max(1, attempt) {
            delay = delay * 2
            if delay >= maximumDelay { return maximumDelay }
        }
        return min(delay, maximumDelay)
    }
}
