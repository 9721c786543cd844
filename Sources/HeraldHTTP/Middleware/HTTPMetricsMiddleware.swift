import Hummingbird
import Metrics

/// Records, per route template (`/v1/messages/{id}`, or `unmatched`), method and status:
/// `herald_http_requests_total` (counter) and `herald_http_request_duration_seconds` (timer).
///
/// Route templates rather than raw paths keep the label set small and free of identifiers.
public struct HTTPMetricsMiddleware: RouterMiddleware {
    public typealias Context = HeraldRequestContext

    let factory: any MetricsFactory

    /// - Parameter factory: where metrics go; the bootstrapped `MetricsSystem.factory` unless a test injects one.
    public init(factory: (any MetricsFactory)? = nil) {
        self.factory = factory ?? MetricsSystem.factory
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let status: Int
        let response: Response
        do {
            response = try await next(request, context)
            status = response.status.code
        } catch {
            record(request, context: context, status: 500, since: start)
            throw error
        }
        record(request, context: context, status: status, since: start)
        return response
    }

    private func record(_ request: Request, context: Context, status: Int, since start: ContinuousClock.Instant) {
        let route = Self.routeLabel(context.endpointPath)
        let method = request.method.rawValue
        Counter(label: "herald_http_requests_total", dimensions: [("route", route), ("method", method), ("status", String(status))], factory: factory)
            .increment()
        Metrics.Timer(
            label: "herald_http_request_duration_seconds", dimensions: [("route", route), ("method", method)], preferredDisplayUnit: .seconds,
            factory: factory
        ).record(duration: ContinuousClock.now - start)
    }

    /// Hummingbird marks requests that matched no route with the endpoint path `NotFound`.
    static func routeLabel(_ endpointPath: String?) -> String {
        guard let endpointPath, endpointPath != "NotFound" else { return "unmatched" }
        return endpointPath
    }
}
