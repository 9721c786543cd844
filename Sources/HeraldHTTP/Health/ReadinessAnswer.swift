/// `{"status": "ready" | "not_ready", "checks": [{"name": "store", "status": "pass" | "fail", "detail": …}],
/// "links": [{"id": "sim", "status": "up", "binds_bound": 2, …}]}`.
struct ReadinessAnswer: Encodable {
    struct Check: Encodable {
        var name: String
        var status: String
        var detail: String?
    }

    struct Link: Encodable {
        var id: String
        /// `up` or `down`.
        var status: String
        var transmits: Bool
        var bindsBound: Int
        var bindsConfigured: Int
        var throttled: Bool
        var errorRate: Double
        var latencyMilliseconds: Double

        enum CodingKeys: String, CodingKey {
            case id, status, transmits, throttled
            case bindsBound = "binds_bound"
            case bindsConfigured = "binds_configured"
            case errorRate = "error_rate"
            case latencyMilliseconds = "latency_ms"
        }
    }

    var status: String
    var checks: [Check]
    var links: [Link]

    init(_ report: ReadinessReport) {
        status = report.isReady ? "ready" : "not_ready"
        checks = report.checks.map { Check(name: $0.name, status: $0.isPassing ? "pass" : "fail", detail: $0.detail) }
        links = report.links.map { link in
            Link(
                id: link.id, status: link.status.isUp ? "up" : "down", transmits: link.transmits, bindsBound: link.status.bindsUp,
                bindsConfigured: link.status.bindsConfigured, throttled: link.status.isThrottled,
                errorRate: (link.status.errorRate * 10_000).rounded() / 10_000,
                latencyMilliseconds: (link.status.latencyMilliseconds * 1000).rounded() / 1000)
        }
    }
}
