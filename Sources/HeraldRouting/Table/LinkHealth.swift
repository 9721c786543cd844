import HeraldCore

/// How the engine classes a link's reported status when ordering candidates.
enum LinkHealth {
    case healthy
    case throttled
    case down(bindsUp: Int, bindsConfigured: Int)
    case unknown

    @inline(__always)
    init(_ status: LinkStatus?) {
        guard let status else {
            self = .unknown
            return
        }
        if !status.isUp {
            self = .down(bindsUp: status.bindsUp, bindsConfigured: status.bindsConfigured)
        } else if status.isThrottled {
            self = .throttled
        } else {
            self = .healthy
        }
    }

    /// 0 for healthy links (tried first), 1 for throttled ones, 2 for down or unknown ones (tried last).
    @inline(__always)
    var tier: UInt8 {
        switch self {
        case .healthy: 0
        case .throttled: 1
        case .down, .unknown: 2
        }
    }

    var reason: String {
        switch self {
        case .healthy: "up"
        case .throttled: "throttled (backing off after ESME_RTHROTTLED / queue full): moved after the healthy links"
        case .down(let up, let configured): "down (\(up) of \(configured) binds up): moved to the end"
        case .unknown: "no status reported (not configured on this node or not started): treated as down, moved to the end"
        }
    }
}
