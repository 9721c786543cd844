import Foundation
import HeraldCore
import Hummingbird
import Logging

/// The per-request state Herald's HTTP layer carries through middleware and handlers: the request id,
/// the client's address and, once ``APIKeyAuthenticationMiddleware`` has run, the authenticated account.
///
/// ```swift
/// router.get("/v1/whoami") { _, context in
///     try context.requireAccount().id.rawValue
/// }
/// ```
public struct HeraldRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The request's id: the caller's `X-Request-Id` when acceptable, else one Herald generated.
    /// Set by ``RequestIDMiddleware``; echoed in the response and in every problem document.
    public var requestID: String
    /// The TCP peer's IP address (no proxy headers are trusted), `nil` when unknown (in-process tests).
    public var clientAddress: String?
    /// The account whose API key authenticated this request; `nil` on public routes.
    public var account: Account?
    /// The operator whose token authenticated this admin request (set by ``OperatorAuthenticationMiddleware``).
    public var signedInOperator: Operator?
    /// The authenticated caller of any kind (account, operator), shared with the outer middleware.
    public let caller = CallerIdentity()

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        requestID = ""
        clientAddress = source.channel.remoteAddress?.ipAddress
        account = nil
        signedInOperator = nil
    }

    /// Upper bound for Hummingbird's own body decoding; Herald's handlers apply
    /// ``HTTPConfiguration/maximumBodySize`` themselves.
    public var maxUploadSize: Int { HTTPConfiguration.defaultMaximumBodySize }

    public var requestDecoder: JSONDecoder { HeraldJSON.decoder() }
    public var responseEncoder: JSONEncoder { HeraldJSON.encoder() }

    /// The authenticated operator; throws an internal error when an admin route forgot its middleware.
    public func requireOperator() throws -> Operator {
        guard let signedInOperator else {
            throw HeraldError(.internal, code: "internal_error", "admin route is missing operator authentication middleware")
        }
        return signedInOperator
    }

    /// The authenticated account; throws an internal error when a route forgot its authentication
    /// middleware (a programming error, never the caller's).
    public func requireAccount() throws -> Account {
        guard let account else {
            throw HeraldError(.internal, code: "internal_error", "route is missing authentication middleware")
        }
        return account
    }
}
