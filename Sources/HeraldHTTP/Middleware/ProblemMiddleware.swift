import Foundation
import HeraldCore
import Hummingbird
import Logging

/// Turns every error thrown below it into an `application/problem+json` answer (see ``HTTPProblem``).
///
/// Domain errors keep their code, except internal errors and outages, which become 500 `internal_error`
/// and 503 `service_unavailable` whose details reveal nothing; so do errors Herald does not know (a
/// driver's, a bug). Those are logged with the request id.
public struct ProblemMiddleware: RouterMiddleware {
    public typealias Context = HeraldRequestContext

    let configuration: HTTPConfiguration

    public init(configuration: HTTPConfiguration = HTTPConfiguration()) {
        self.configuration = configuration
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = self.problem(for: error, context: context)
            return problem.response(requestID: context.requestID)
        }
    }

    func problem(for error: any Error, context: Context) -> HTTPProblem {
        switch error {
        case let problem as HTTPProblem:
            return problem
        case let error as HeraldError:
            switch error.category {
            case .internal:
                context.logger.error("internal error", metadata: ["code": .string(error.code), "error": .string(error.message)])
            case .unavailable:
                context.logger.warning("dependency unavailable", metadata: ["code": .string(error.code), "error": .string(error.message)])
            default:
                break
            }
            return HTTPProblem(error, configuration: configuration)
        case let error as any HTTPResponseError:
            return frameworkProblem(error.status)
        case is CancellationError:
            context.logger.debug("request cancelled")
            return .internalError
        default:
            context.logger.error("unexpected error", metadata: ["error_type": .string(String(reflecting: type(of: error))), "error": .string("\(error)")])
            return .internalError
        }
    }

    /// Errors Hummingbird itself raises: no route (404), body over the limit (413), and any other status.
    func frameworkProblem(_ status: HTTPResponse.Status) -> HTTPProblem {
        switch status {
        case .notFound: return .routeNotFound
        case .contentTooLarge: return .requestTooLarge(limit: configuration.maximumBodySize)
        case _ where status.kind == .clientError:
            return HTTPProblem(status: status, code: "bad_request", title: HTTPProblem.malformedTitle, detail: status.reasonPhrase)
        default: return .internalError
        }
    }
}
