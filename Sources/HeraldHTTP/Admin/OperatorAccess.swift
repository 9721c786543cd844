import HeraldCore

/// What operator authentication needs: the operator service that checks tokens, and where refused
/// attempts are audited.
///
/// ```swift
/// let access = OperatorAccess(operators: operatorService, audit: store, clock: clock)
/// router.group("/v1/audit").add(middleware: OperatorAuthenticationMiddleware(access: access, requiring: .readAuditLog))
/// ```
public struct OperatorAccess: Sendable {
    public var operators: OperatorService
    public var audit: any AuditQueueStore
    public var clock: any HeraldClock
    /// Whether ``OperatorAuthenticationMiddleware`` writes each refusal as a `request.denied` audit event
    /// (turn off when another layer audits every refused request already).
    public var auditsRefusals: Bool

    public init(operators: OperatorService, audit: any AuditQueueStore, clock: any HeraldClock, auditsRefusals: Bool = true) {
        self.operators = operators
        self.audit = audit
        self.clock = clock
        self.auditsRefusals = auditsRefusals
    }

    /// The middleware for routes that need `permission`.
    public func requiring(_ permission: OperatorPermission) -> OperatorAuthenticationMiddleware {
        OperatorAuthenticationMiddleware(access: self, requiring: permission)
    }

    /// The middleware for the audit log routes: the auditor role, and no other.
    public var auditor: OperatorAuthenticationMiddleware { requiring(.readAuditLog) }
}
