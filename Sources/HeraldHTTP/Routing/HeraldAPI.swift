import Hummingbird

/// The single entry point that builds Herald's HTTP router: shared middleware, then each route group,
/// then the 405 handling that needs the complete route table.
///
/// ```swift
/// let router = HeraldAPI.buildRouter(services: services)
/// let app = Application(router: router, configuration: .init(address: .hostname("0.0.0.0", port: 8080)))
/// try await app.runService()
/// ```
///
/// Middleware order, outermost first: ``RequestIDMiddleware``, ``AccessLogMiddleware``,
/// ``HTTPMetricsMiddleware``, ``ProblemMiddleware``, ``DeniedRequestAuditMiddleware`` (when
/// ``HTTPServices/deniedRequests`` is set); route groups add their own (authentication) inside.
public enum HeraldAPI {
    /// Health, metrics and message routes.
    public static let standardGroups: [any HeraldRouteGroup] = [HealthRoutes(), MetricsRoutes(), MessageRoutes(), AccountRoutes()]

    public static func buildRouter(services: HTTPServices, groups: [any HeraldRouteGroup] = standardGroups) -> Router<HeraldRequestContext> {
        let router = Router(context: HeraldRequestContext.self)
        router.addMiddleware {
            RequestIDMiddleware(maximumLength: services.configuration.maximumRequestIDLength, random: services.random, clock: services.clock)
            AccessLogMiddleware()
            HTTPMetricsMiddleware(factory: services.metricsFactory)
            ProblemMiddleware(configuration: services.configuration)
        }
        if let auditor = services.deniedRequests {
            router.add(middleware: DeniedRequestAuditMiddleware(auditor: auditor, clock: services.clock))
        }
        for group in groups {
            group.addRoutes(to: router, services: services)
        }
        // Added last, so it wraps only the responder for requests that matched no route.
        router.add(middleware: MethodNotAllowedMiddleware(routes: router.routes))
        return router
    }
}
