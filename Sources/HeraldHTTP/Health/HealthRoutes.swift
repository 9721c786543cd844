import Hummingbird

/// `GET /healthz` (liveness: the process answers) and `GET /readyz` (readiness: 200 when every check of
/// ``HTTPServices/readiness`` passes, else 503). Neither needs authentication; neither reveals secrets.
public struct HealthRoutes: HeraldRouteGroup {
    public init() {}

    public func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices) {
        router.get("/healthz") { _, _ in
            try JSONResponse.encode(["status": "ok"], headers: Self.noStore)
        }
        router.get("/readyz") { _, _ in
            let report = await services.readiness()
            return try JSONResponse.encode(ReadinessAnswer(report), status: report.isReady ? .ok : .serviceUnavailable, headers: Self.noStore)
        }
    }

    static var noStore: HTTPFields {
        var headers = HTTPFields()
        headers[.cacheControl] = "no-store"
        return headers
    }
}

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
