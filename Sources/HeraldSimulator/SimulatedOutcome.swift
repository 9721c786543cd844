/// What the simulated carrier does with one submitted message part.
public enum SimulatedOutcome: String, Sendable, Hashable, CaseIterable, Codable {
    /// Accepted; a DELIVRD receipt follows.
    case delivered
    /// Accepted; an UNDELIV receipt follows (error 001).
    case undeliverable
    /// Accepted; an EXPIRED receipt follows.
    case expired
    /// Accepted; a REJECTD receipt follows.
    case rejected
    /// submit_sm_resp ESME_RINVDSTADR: the carrier refuses the destination.
    case invalidDestination = "invalid_destination"
    /// submit_sm_resp ESME_RTHROTTLED.
    case throttled
    /// submit_sm_resp ESME_RSYSERR.
    case systemError = "system_error"
    /// No submit_sm_resp at all (the ESME's response timeout fires).
    case noResponse = "no_response"
    /// The simulator drops the connection instead of answering.
    case disconnect

    /// The receipt state this outcome reports, or `nil` when the part is not accepted.
    var receiptState: (stat: String, state: UInt8, error: Int)? {
        switch self {
        case .delivered: return ("DELIVRD", 2, 0)
        case .undeliverable: return ("UNDELIV", 5, 1)
        case .expired: return ("EXPIRED", 3, 0)
        case .rejected: return ("REJECTD", 8, 2)
        default: return nil
        }
    }
}

/// Chooses an outcome for messages whose destination matches ``pattern``.
///
/// Patterns are matched against the destination digits (a leading `+` is ignored on both sides):
/// `4915*` matches every number starting with 4915, `?` matches one digit, and a pattern without `*`
/// must match the whole number.
public struct SimulatorRule: Sendable, Hashable, Codable {
    public var pattern: String
    public var outcome: SimulatedOutcome

    public init(pattern: String, outcome: SimulatedOutcome) {
        self.pattern = pattern
        self.outcome = outcome
    }

    public func matches(_ destination: String) -> Bool {
        let pattern = Array(self.pattern.hasPrefix("+") ? self.pattern.dropFirst() : Substring(self.pattern))
        let digits = Array(destination.hasPrefix("+") ? destination.dropFirst() : Substring(destination))
        var index = 0
        for symbol in pattern {
            if symbol == "*" { return true }
            guard index < digits.count else { return false }
            if symbol != "?" && symbol != digits[index] { return false }
            index += 1
        }
        return index == digits.count
    }
}
