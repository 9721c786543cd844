/// Per-session limits an SMSC applies to a bound ESME's inbound traffic.
///
/// Requests beyond either limit are answered `ESME_RTHROTTLED` immediately.
///
/// ```swift
/// return .accept(SMPPSessionLimits(maxInFlight: 50, maxTPS: 100))
/// ```
public struct SMPPSessionLimits: Sendable, Hashable {
    /// Maximum requests from this session awaiting our response (the peer's window).
    public var maxInFlight: Int
    /// Maximum requests per second from this session (token bucket with one second of burst); nil for unlimited.
    public var maxTPS: Double?

    public init(maxInFlight: Int = 100, maxTPS: Double? = nil) {
        self.maxInFlight = max(1, maxInFlight)
        self.maxTPS = maxTPS
    }
}
