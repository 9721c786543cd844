/// A domain error with a stable machine-readable code, a category and a human-readable message.
///
/// Adapters translate the ``Category`` to their own vocabulary (HTTP status, SMPP command_status);
/// the ``code`` never changes once published, so clients may branch on it.
///
/// ```swift
/// throw HeraldError(.invalidInput, code: "invalid_destination", "'to' is not a valid phone number", field: "to")
/// ```
public struct HeraldError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is, independent of transport.
    public enum Category: String, Sendable, Equatable {
        case invalidInput          // the request itself is wrong
        case unauthenticated       // no or bad credentials
        case forbidden             // authenticated but not allowed
        case notFound
        case conflict              // state conflict (e.g. idempotency key in use)
        case rateLimited           // try again later
        case policyBlocked         // refused by policy (opt-out, geo permissions, fraud guard)
        case unavailable           // dependency down; retry later
        case `internal`
    }

    public var category: Category
    /// Stable snake_case code, e.g. `invalid_destination`.
    public var code: String
    public var message: String
    /// The request field at fault, when there is one (JSON pointer-ish name such as `to` or `messages[3].body`).
    public var field: String?
    /// Seconds after which a retry may succeed (rate limits).
    public var retryAfterSeconds: Int?

    public init(_ category: Category, code: String, _ message: String, field: String? = nil, retryAfterSeconds: Int? = nil) {
        self.category = category
        self.code = code
        self.message = message
        self.field = field
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var description: String { "\(code): \(message)" }

    public static func invalid(_ code: String, _ message: String, field: String? = nil) -> HeraldError {
        HeraldError(.invalidInput, code: code, message, field: field)
    }

    public static func notFound(_ what: String) -> HeraldError {
        HeraldError(.notFound, code: "not_found", "\(what) was not found")
    }
}
