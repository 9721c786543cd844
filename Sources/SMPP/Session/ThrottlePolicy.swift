import NIOCore

/// How a bind backs off when the peer answers `ESME_RTHROTTLED` or `ESME_RMSGQFUL`.
///
/// The whole bind pauses for a delay that grows exponentially with consecutive throttles
/// (`initialDelay × multiplier^n`, capped at `maxDelay`) and resets after a quiet period.
/// The throttled request is retried first (up to `maxRetries` times), so submission order of
/// everything not yet sent is preserved.
public struct ThrottlePolicy: Sendable, Hashable {
    public var initialDelay: TimeAmount
    public var maxDelay: TimeAmount
    public var multiplier: Double
    /// How many times one request is retried after a throttling response before the caller
    /// gets the ``SMPPError/Code/rejected`` error with that status. 0 disables retries.
    public var maxRetries: Int

    public init(initialDelay: TimeAmount = .milliseconds(100), maxDelay: TimeAmount = .seconds(10),
                multiplier: Double = 2, maxRetries: Int = 8) {
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.multiplier = max(1, multiplier)
        self.maxRetries = max(0, maxRetries)
    }
}
