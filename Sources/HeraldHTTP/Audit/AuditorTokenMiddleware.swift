import HeraldCore
import Hummingbird

/// Interim authentication of the auditor API: `Authorization: Bearer <auditor_token>` (the token in
/// Herald's secrets file). It stands in until operator accounts with the `auditor` role exist; customer API
/// keys are never accepted. Refuses with 401 `invalid_auditor_token`.
///
/// ```swift
/// AuditRoutes(log: log, authentication: AuditorTokenMiddleware(token: secrets.auditorToken))
/// ```
public struct AuditorTokenMiddleware: RouterMiddleware {
    public typealias Context = HeraldRequestContext

    private let tokenHash: String

    public init(token: String) {
        tokenHash = SecretHashing.sha256Hex(token)
    }

    static let refusal = HeraldError(.unauthenticated, code: "invalid_auditor_token", "the audit log API needs 'Authorization: Bearer <auditor token>'")

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else { throw Self.refusal }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer",
              SecretHashing.constantTimeEquals(SecretHashing.sha256Hex(parts[1].trimmingCharacters(in: .whitespaces)), tokenHash) else {
            throw Self.refusal
        }
        context.caller.set(AuditActor(kind: "auditor", id: "token"))
        return try await next(request, context)
    }
}
