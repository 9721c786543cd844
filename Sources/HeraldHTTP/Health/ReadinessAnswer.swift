/// `{"status": "ready" | "not_ready", "checks": [{"name": "store", "status": "pass" | "fail", "detail": …}]}`.
struct ReadinessAnswer: Encodable {
    struct Check: Encodable {
        var name: String
        var status: String
        var detail: String?
    }

    var status: String
    var checks: [Check]

    init(_ report: ReadinessReport) {
        status = report.isReady ? "ready" : "not_ready"
        checks = report.checks.map { Check(name: $0.name, status: $0.isPassing ? "pass" : "fail", detail: $0.detail) }
    }
}
