import NIOCore

/// Exponential reconnect backoff with jitter: `initialDelay × multiplier^attempt`, capped at
/// `maxDelay`, then spread by ±`jitter` (a fraction, 0.2 = ±20 %).
public struct ReconnectPolicy: Sendable, Hashable {
    public var initialDelay: TimeAmount
    public var maxDelay: TimeAmount
    public var multiplier: Double
    public var jitter: Double

    public init(initialDelay: TimeAmount = .milliseconds(500), maxDelay: TimeAmount = .seconds(30),
                multiplier: Double = 2, jitter: Double = 0.2) {
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.multiplier = max(1, multiplier)
        self.jitter = min(max(0, jitter), 1)
    }
}
