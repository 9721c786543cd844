import Foundation
import HeraldCore
import Hummingbird
import Logging

/// Guards an admin route: authenticates the caller by operator token and checks that the operator's role
/// grants the route's permission. Refusals are answered 401 `invalid_operator_token` (no, malformed,
/// unknown, expired or revoked token, a disabled operator, or a customer API key) or 403
/// `insufficient_role`, and each is written to the audit log as `request.denied`.
///
/// Accepted forms, as for API keys: `Authorization: Bearer ho_…` or HTTP Basic with the token as user name.
///
/// ```swift
/// router.group("/v1/admin/accounts").add(middleware: OperatorAuthenticationMiddleware(access: access, requiring: .viewAdministration))
/// ```
public struct OperatorAuthenticationMiddleware: RouterMiddleware {
    public typealias Context = HeraldRequestContext

    public let access: OperatorAccess
    public let permission: OperatorPermission

    public init(access: OperatorAccess, requiring permission: OperatorPermission) {
        self.access = access
        self.permission = permission
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let presented = APIKeyAuthenticationMiddleware.presentedKey(authorization: request.headers[.authorization])
        let signedIn: OperatorService.SignedIn
        do {
            guard let presented else { throw OperatorService.authenticationFailure }
            signedIn = try await access.operators.authenticate(presentedToken: presented)
        } catch let error as HeraldError where error.category == .unauthenticated {
            await deny(request, context: context, actor: AuditActor(kind: "anonymous", id: "unknown"), reason: Self.reason(presented), status: 401)
            throw error
        }
        let op = signedIn.operator
        guard op.role.allows(permission) else {
            await deny(request, context: context, actor: op.actor, reason: "insufficient_role", status: 403, extra: ["role": op.role.rawValue])
            throw OperatorService.forbidden(op, lacking: permission)
        }
        var context = context
        context.signedInOperator = op
        context.logger[metadataKey: "operator"] = .string(op.id.rawValue)
        return try await next(request, context)
    }

    /// Why authentication failed, as far as the presented text tells (never the secret itself).
    static func reason(_ presented: String?) -> String {
        guard let presented else { return "no_credentials" }
        if presented.hasPrefix("hk_") { return "customer_api_key" }
        return OperatorTokenCredential(text: presented) == nil ? "malformed_token" : "invalid_token"
    }

    private func deny(
        _ request: Request, context: Context, actor: AuditActor, reason: String, status: Int, extra: [String: String] = [:]
    ) async {
        guard access.auditsRefusals else { return }
        var details = extra
        details["reason"] = reason
        details["status"] = String(status)
        details["permission"] = permission.rawValue
        details["request_id"] = context.requestID
        // The route template, not the raw path; the client address is sealed (erasable, still verifiable).
        let route = context.endpointPath ?? request.uri.path
        let event = AuditEvent(
            at: access.clock.now(), actor: actor, action: "request.denied", target: "\(request.method.rawValue) \(route)", outcome: "denied",
            details: details, sensitive: context.clientAddress.map { ["client": $0] } ?? [:])
        do {
            try await access.audit.appendAudit([event])
        } catch {
            context.logger.error("could not audit a denied admin request", metadata: ["error": "\(error)"])
        }
    }
}
