import HeraldCore
import Hummingbird

/// An error answer of the HTTP API: a status, a stable code and a human detail, rendered by
/// ``ProblemMiddleware`` as `application/problem+json`.
///
/// Domain errors (``HeraldError``) are converted with ``init(_:configuration:)``; the HTTP layer throws its own
/// problems for requests it cannot even read (malformed JSON, wrong types, unknown routes).
///
/// ```swift
/// throw HTTPProblem.invalidParameter("limit", "'limit' must be an integer from 1 to 100")
/// ```
public struct HTTPProblem: Error, Sendable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var code: String
    public var title: String
    public var detail: String
    public var field: String?
    /// Extra response headers (`WWW-Authenticate`, `Retry-After`, `Allow`).
    public var headers: HTTPFields

    public init(status: HTTPResponse.Status, code: String, title: String, detail: String, field: String? = nil, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.field = field
        self.headers = headers
    }

    /// Converts a domain error. Internal errors and outages lose their code and message (they may describe
    /// internals): the caller sees `internal_error` or `service_unavailable`, and the request id.
    public init(_ error: HeraldError, configuration: HTTPConfiguration = HTTPConfiguration()) {
        let mapping = Self.mapping(for: error.category)
        var headers = HTTPFields()
        switch error.category {
        case .unauthenticated:
            headers.append(HTTPFields.Element(name: .wwwAuthenticate, value: "Bearer realm=\"herald\""))
            headers.append(HTTPFields.Element(name: .wwwAuthenticate, value: "Basic realm=\"herald\", charset=\"UTF-8\""))
        case .rateLimited, .unavailable:
            headers[.retryAfter] = String(max(0, error.retryAfterSeconds ?? configuration.defaultRetryAfterSeconds))
        default:
            break
        }
        switch error.category {
        case .internal:
            self = .internalError
        case .unavailable:
            // Adapters describe outages in their own terms (a database's error text); callers get one stable
            // code and the delay, the log keeps the original.
            self = .serviceUnavailable
            self.headers = headers
        default:
            self.init(status: mapping.status, code: error.code, title: mapping.title, detail: error.message, field: error.field, headers: headers)
        }
    }

    public var description: String { "\(status.code) \(code): \(detail)" }

    /// The document for this problem.
    public func document(requestID: String?) -> ProblemDocument {
        ProblemDocument(title: title, status: status.code, detail: detail, code: code, field: field, requestID: requestID)
    }

    /// How each domain error category is answered.
    ///
    /// `invalidInput` and `policyBlocked` are 422: the request was well-formed JSON but a value is unacceptable
    /// (400 is kept for requests the HTTP layer cannot read). `policyBlocked` is not 403 because it concerns
    /// this message (its destination or content), not the caller's permissions.
    public static func mapping(for category: HeraldError.Category) -> (status: HTTPResponse.Status, title: String) {
        switch category {
        case .invalidInput: return (.unprocessableContent, "Invalid request")
        case .unauthenticated: return (.unauthorized, "Authentication required")
        case .forbidden: return (.forbidden, "Forbidden")
        case .notFound: return (.notFound, "Not found")
        case .conflict: return (.conflict, "Conflict")
        case .rateLimited: return (.tooManyRequests, "Too many requests")
        case .policyBlocked: return (.unprocessableContent, "Refused by policy")
        case .unavailable: return (.serviceUnavailable, "Service unavailable")
        case .internal: return (.internalServerError, "Internal error")
        }
    }
}

// MARK: Problems of the HTTP layer

extension HTTPProblem {
    /// Codes the HTTP layer itself produces (the domain's codes come from ``HeraldError``).
    public static let httpLayerCodes: [String] = [
        "invalid_json", "invalid_type", "missing_field", "invalid_value", "unknown_field", "invalid_parameter",
        "request_too_large", "unsupported_media_type", "route_not_found", "method_not_allowed", "bad_request", "internal_error",
        "service_unavailable",
    ]

    static let malformedTitle = "Malformed request"

    /// The body is not JSON (or is empty).
    public static func invalidJSON(_ detail: String) -> HTTPProblem {
        HTTPProblem(status: .badRequest, code: "invalid_json", title: malformedTitle, detail: detail)
    }

    /// A field has the wrong JSON type.
    public static func invalidType(_ field: String?, expected: String) -> HTTPProblem {
        let subject = field.map { "'\($0)'" } ?? "the request body"
        return HTTPProblem(status: .badRequest, code: "invalid_type", title: malformedTitle, detail: "\(subject) must be \(expected)", field: field)
    }

    /// A required field is absent or `null`.
    public static func missingField(_ field: String) -> HTTPProblem {
        HTTPProblem(status: .badRequest, code: "missing_field", title: malformedTitle, detail: "'\(field)' is required", field: field)
    }

    /// A field has the right type but a value that cannot be read (a malformed date, an out-of-range number).
    public static func invalidValue(_ field: String?, _ detail: String) -> HTTPProblem {
        HTTPProblem(status: .badRequest, code: "invalid_value", title: malformedTitle, detail: detail, field: field)
    }

    /// A field this endpoint does not know (refused so a typo never silently drops an option such as `send_at`).
    public static func unknownField(_ field: String) -> HTTPProblem {
        HTTPProblem(status: .badRequest, code: "unknown_field", title: malformedTitle, detail: "'\(field)' is not a known field", field: field)
    }

    /// A query parameter is unknown or has an unusable value.
    public static func invalidParameter(_ name: String, _ detail: String) -> HTTPProblem {
        HTTPProblem(status: .badRequest, code: "invalid_parameter", title: malformedTitle, detail: detail, field: name)
    }

    public static func requestTooLarge(limit: Int) -> HTTPProblem {
        HTTPProblem(status: .contentTooLarge, code: "request_too_large", title: "Request too large", detail: "the request body may have at most \(limit) bytes")
    }

    public static func unsupportedMediaType(_ received: String) -> HTTPProblem {
        HTTPProblem(
            status: .unsupportedMediaType, code: "unsupported_media_type", title: "Unsupported media type",
            detail: "send the body as JSON with 'Content-Type: application/json' (received '\(received.prefix(100))')", field: "Content-Type")
    }

    public static let routeNotFound = HTTPProblem(status: .notFound, code: "route_not_found", title: "Not found", detail: "no route matches this path")

    public static func methodNotAllowed(method: String, allowed: [String]) -> HTTPProblem {
        var headers = HTTPFields()
        headers[.allow] = allowed.joined(separator: ", ")
        return HTTPProblem(
            status: .methodNotAllowed, code: "method_not_allowed", title: "Method not allowed",
            detail: "\(method) is not allowed here; allowed: \(allowed.joined(separator: ", "))", headers: headers)
    }

    public static let serviceUnavailable = HTTPProblem(
        status: .serviceUnavailable, code: "service_unavailable", title: "Service unavailable",
        detail: "a service Herald depends on is unavailable; retry after the Retry-After delay")

    public static let internalError = HTTPProblem(
        status: .internalServerError, code: "internal_error", title: "Internal error",
        detail: "Herald could not complete the request; quote the request id when reporting this")
}
