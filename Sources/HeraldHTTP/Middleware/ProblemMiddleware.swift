import Foundation
import HeraldCore
import Hummingbird
import Logging

/// Turns every error thrown below it into an `application/problem+json` answer (see ``HTTPProblem``).
///
/// Domain errors keep their code; errors Herald does not know (a database driver's, a bug) become a
/// 500 `internal_error` whose detail reveals nothing, and are logged with the request id.
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
            if error.category == .internal {
                context.logger.error("internal error", metadata: ["code": .string(error.code), "error": .string(error.message)])
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

extension HTTPProblem {
    /// The answer: status, `Content-Type: application/problem+json`, extra headers and the JSON document.
    public func response(requestID: String?) -> Response {
        // Encoding a struct of strings and integers cannot fail.
        let body = (try? HeraldJSON.encoder().encode(document(requestID: requestID))) ?? Data("{}".utf8)
        var headers = headers
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
