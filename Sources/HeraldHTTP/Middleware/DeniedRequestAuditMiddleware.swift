import HeraldCore
import Hummingbird

/// Reports every refused request to the ``DeniedRequestAuditor``: 401 and 403 answers, rate-limit refusals
/// (429) and refusals by policy (`policy_blocked` errors such as a fraud block or a country permission),
/// with the caller (``HeraldRequestContext/caller``, else anonymous), the client address, the route
/// template and the problem code. The auditor coalesces floods; this middleware never blocks the request.
///
/// ``HeraldAPI/buildRouter(services:groups:)`` installs it inside ``ProblemMiddleware`` when
/// ``HTTPServices/deniedRequests`` is set, so it sees the domain errors before they become answers.
public struct DeniedRequestAuditMiddleware: RouterMiddleware {
    public typealias Context = HeraldRequestContext

    let auditor: DeniedRequestAuditor
    let clock: any HeraldClock

    public init(auditor: DeniedRequestAuditor, clock: any HeraldClock) {
        self.auditor = auditor
        self.clock = clock
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            let status = response.status.code
            if status == 401 || status == 403 || status == 429 {
                record(request, context: context, status: status, code: "http_\(status)")
            }
            return response
        } catch {
            if let (status, code) = Self.denial(error) { record(request, context: context, status: status, code: code) }
            throw error
        }
    }

    /// The status and code of an error that refuses the request, `nil` for other failures.
    static func denial(_ error: any Error) -> (status: Int, code: String)? {
        switch error {
        case let error as HeraldError:
            switch error.category {
            case .unauthenticated, .forbidden, .rateLimited, .policyBlocked:
                return (HTTPProblem.mapping(for: error.category).status.code, error.code)
            default:
                return nil
            }
        case let problem as HTTPProblem where [401, 403, 429].contains(problem.status.code):
            return (problem.status.code, problem.code)
        default:
            return nil
        }
    }

    private func record(_ request: Request, context: Context, status: Int, code: String) {
        let route = HTTPMetricsMiddleware.routeLabel(context.endpointPath)
        auditor.record(DeniedRequest(
            at: clock.now(), actor: context.caller.actor ?? .anonymous("http"), clientAddress: context.clientAddress, channel: "http",
            operation: "\(request.method.rawValue) \(route)", status: status, code: code))
    }
}
