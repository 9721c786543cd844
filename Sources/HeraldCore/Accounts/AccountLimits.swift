/// Per-account throughput and volume limits. Raising them is a sensitive change (two-person rule).
public struct AccountLimits: Sendable, Equatable, Codable {
    /// Messages per second accepted over the API (token bucket refill rate).
    public var messagesPerSecond: Double
    /// Burst size of the message token bucket.
    public var messageBurst: Int
    /// Messages accepted per rolling 24 hours.
    public var messagesPerDay: Int
    /// Verification starts per second (token bucket refill rate).
    public var verificationsPerSecond: Double
    /// Burst size of the verification token bucket.
    public var verificationBurst: Int

    public init(
        messagesPerSecond: Double = 100, messageBurst: Int = 200, messagesPerDay: Int = 1_000_000,
        verificationsPerSecond: Double = 50, verificationBurst: Int = 100
    ) {
        self.messagesPerSecond = messagesPerSecond
        self.messageBurst = messageBurst
        self.messagesPerDay = messagesPerDay
        self.verificationsPerSecond = verificationsPerSecond
        self.verificationBurst = verificationBurst
    }

    /// True when any limit in `other` is higher than in `self` (needs a second operator's approval).
    public func isRaised(to other: AccountLimits) -> Bool {
        other.messagesPerSecond > messagesPerSecond || other.messageBurst > messageBurst
            || other.messagesPerDay > messagesPerDay || other.verificationsPerSecond > verificationsPerSecond
            || other.verificationBurst > verificationBurst
    }
}
