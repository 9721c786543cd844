/// An account's throughput on the customer SMPP listener: its window (requests awaiting a response) and
/// requests per second, across its binds. Raising either is a sensitive change (two-person rule).
///
/// ```swift
/// let current = SMPPThroughput(window: 10, messagesPerSecond: 50)
/// current.isRaised(to: SMPPThroughput(window: 20, messagesPerSecond: 50))   // true
/// ```
public struct SMPPThroughput: Sendable, Equatable, Codable {
    public var window: Int
    public var messagesPerSecond: Double

    enum CodingKeys: String, CodingKey {
        case window
        case messagesPerSecond = "tps"
    }

    public init(window: Int, messagesPerSecond: Double) {
        self.window = window
        self.messagesPerSecond = messagesPerSecond
    }

    /// True when `other` has a larger window or more requests per second than `self`.
    public func isRaised(to other: SMPPThroughput) -> Bool {
        other.window > window || other.messagesPerSecond > messagesPerSecond
    }

    /// Each value the lower of `self`'s and `other`'s.
    public func lowered(to other: SMPPThroughput) -> SMPPThroughput {
        SMPPThroughput(window: min(window, other.window), messagesPerSecond: min(messagesPerSecond, other.messagesPerSecond))
    }

    /// - Throws: `invalid_window` or `invalid_throughput` when a value is outside ``SMPPAccount``'s ranges.
    public func validate() throws {
        guard SMPPAccount.windowRange.contains(window) else {
            throw HeraldError.invalid("invalid_window", "the window must be \(SMPPAccount.windowRange.lowerBound)-\(SMPPAccount.windowRange.upperBound)", field: "window")
        }
        guard messagesPerSecond.isFinite, SMPPAccount.messagesPerSecondRange.contains(messagesPerSecond) else {
            throw HeraldError.invalid("invalid_throughput", "the throughput must be 0.1-10000 messages per second", field: "tps")
        }
    }
}
