/// How the dispatcher works the queue. Defaults suit one node with the simulator.
public struct DispatchConfiguration: Sendable, Equatable {
    /// Most messages leased per claim.
    public var claimBatchSize: Int
    /// Most messages this node holds claims on at once: being submitted, or with their results waiting to be
    /// written. A slot is freed when the result is stored, so a slow database slows claiming instead of
    /// piling up claims whose leases could run out.
    public var maximumInFlight: Int
    /// How long a lease lasts; a node that dies releases its messages when their leases end.
    public var lease: Duration
    /// How often the queue is polled when nothing signals new work.
    public var pollInterval: Duration
    /// Attempts (each walking all candidate links) before a message fails.
    public var maximumAttempts: Int
    /// Delay before the second attempt; doubles per attempt up to ``maximumRetryDelay``.
    public var initialRetryDelay: Duration
    public var maximumRetryDelay: Duration
    /// Delay after a carrier said "throttled" / "queue full".
    public var throttleRetryDelay: Duration

    public init(
        claimBatchSize: Int = 200, maximumInFlight: Int = 400, lease: Duration = .seconds(60), pollInterval: Duration = .milliseconds(250),
        maximumAttempts: Int = 5, initialRetryDelay: Duration = .seconds(2), maximumRetryDelay: Duration = .seconds(300),
        throttleRetryDelay: Duration = .seconds(1)
    ) {
        self.claimBatchSize = claimBatchSize
        self.maximumInFlight = maximumInFlight
        self.lease = lease
        self.pollInterval = pollInterval
        self.maximumAttempts = maximumAttempts
        self.initialRetryDelay = initialRetryDelay
        self.maximumRetryDelay = maximumRetryDelay
        self.throttleRetryDelay = throttleRetryDelay
    }

    func retryDelay(afterAttempts attempts: Int) -> Duration {
        var delay = initialRetryDelay
        for _ in 1..<max(1, attempts) {
            delay = delay * 2
            if delay >= maximumRetryDelay { return maximumRetryDelay }
        }
        return delay
    }
}
