/// A multipart message given up before all parts arrived.
public struct IncompleteMessage: Sendable, Hashable {
    /// Why it was given up.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// No part arrived within ``ReassemblerConfiguration/timeout``.
        case expired
        /// Removed to respect ``ReassemblerConfiguration/maxPendingMessages`` or
        /// ``ReassemblerConfiguration/maxPendingBytes``.
        case evicted
        /// Removed by ``Reassembler/removeAll()``.
        case flushed
    }

    /// The message's key.
    public let key: ReassemblyKey
    /// Why it was given up.
    public let reason: Reason
    /// The parts received, in sequence order.
    public let parts: [DecodedShortMessage]
    /// When its first part arrived.
    public let firstReceived: ContinuousClock.Instant
    /// When its latest part arrived.
    public let lastReceived: ContinuousClock.Instant

    public init(
        key: ReassemblyKey, reason: Reason, parts: [DecodedShortMessage], firstReceived: ContinuousClock.Instant,
        lastReceived: ContinuousClock.Instant
    ) {
        self.key = key
        self.reason = reason
        self.parts = parts
        self.firstReceived = firstReceived
        self.lastReceived = lastReceived
    }

    /// The sequence numbers received.
    public var receivedSequences: [Int] { parts.compactMap { $0.concatenation?.sequence } }

    /// The sequence numbers still missing.
    public var missingSequences: [Int] {
        let received = Set(receivedSequences)
        return (1...max(1, key.total)).filter { !received.contains($0) }
    }

    /// The received parts joined in order, for delivering what arrived.
    public var partialContent: MessageContent { ReassembledMessage.join(parts) }
}
