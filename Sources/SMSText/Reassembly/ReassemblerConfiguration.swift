/// Limits of a ``Reassembler``: how long incomplete messages wait and how much they may hold.
///
/// Memory is bounded by ``maxPendingMessages`` incomplete messages and ``maxPendingBytes`` of buffered user
/// data; when a new part would exceed either bound, the least recently active incomplete messages are evicted
/// (and reported). A single message can exceed ``maxPendingBytes`` by at most its own size (at most 255 parts).
public struct ReassemblerConfiguration: Sendable, Hashable {
    /// How long an incomplete message waits after its most recent part before it is reported as expired.
    public var timeout: Duration
    /// The most incomplete messages kept at once.
    public var maxPendingMessages: Int
    /// The most user-data octets buffered across incomplete messages.
    public var maxPendingBytes: Int

    /// Creates limits; defaults are 5 minutes, 10 000 messages and 8 MiB.
    public init(timeout: Duration = .seconds(300), maxPendingMessages: Int = 10_000, maxPendingBytes: Int = 8 << 20) {
        self.timeout = timeout
        self.maxPendingMessages = max(1, maxPendingMessages)
        self.maxPendingBytes = max(1, maxPendingBytes)
    }
}
