/// What happened when a part was given to ``Reassembler/receive(_:source:destination:)``.
public struct ReassemblyOutcome: Sendable {
    /// The state of the message the part belongs to.
    public enum Status: Sendable {
        /// The message is complete (a single part, or the last missing part arrived).
        case completed(ReassembledMessage)
        /// The part was stored; the message waits for more.
        case pending(key: ReassemblyKey, received: Int, total: Int)
        /// This sequence number was already stored for the message; the part was ignored.
        case duplicate(key: ReassemblyKey, sequence: Int)
    }

    /// The part's effect.
    public let status: Status
    /// Incomplete messages given up while handling this part (expired or evicted); report them.
    public let dropped: [IncompleteMessage]

    public init(status: Status, dropped: [IncompleteMessage]) {
        self.status = status
        self.dropped = dropped
    }

    /// The completed message, if this part completed one.
    public var completed: ReassembledMessage? {
        if case .completed(let message) = status { return message }
        return nil
    }
}
