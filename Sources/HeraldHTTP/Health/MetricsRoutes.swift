import Hummingbird

/// `GET /metrics`: Prometheus text exposition from ``HTTPServices/metrics``.
///
/// Not authenticated, like most scrape targets: bind the API to a private interface or put `/metrics` behind
/// the reverse proxy's access rules (see docs/openapi.yaml).
public struct MetricsRoutes: HeraldRouteGroup {
    public init() {}

    public func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices) {
        router.get("/metrics") { _, _ in
            JSONResponse.raw(await services.metrics(), status: .ok, contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
    }
}
