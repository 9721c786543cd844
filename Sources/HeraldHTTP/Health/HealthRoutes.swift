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
