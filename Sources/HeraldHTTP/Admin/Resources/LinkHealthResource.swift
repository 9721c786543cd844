import HeraldCore

/// The JSON shape of a link's live health (``LinkStatus``).
public struct LinkHealthResource: Sendable, Equatable, Encodable {
    public var isUp: Bool
    public var bindsUp: Int
    public var bindsConfigured: Int
    public var isThrottled: Bool
    public var errorRate: Double
    public var latencyMilliseconds: Double

    enum CodingKeys: String, CodingKey {
        case isUp = "up"
        case bindsUp = "binds_up"
        case bindsConfigured = "binds_configured"
        case isThrottled = "throttled"
        case errorRate = "error_rate"
        case latencyMilliseconds = "latency_ms"
    }

    public init(_ status: LinkStatus) {
        isUp = status.isUp
        bindsUp = status.bindsUp
        bindsConfigured = status.bindsConfigured
        isThrottled = status.isThrottled
        errorRate = status.errorRate
        latencyMilliseconds = status.latencyMilliseconds
    }
}
