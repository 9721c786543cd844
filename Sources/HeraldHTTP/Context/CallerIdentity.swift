import HeraldCore
import Synchronization

/// Who the current request authenticated as, visible to every middleware of the request (the context is
/// copied on its way in; this box is shared by the copies). Authentication middleware sets it, so that the
/// ``DeniedRequestAuditMiddleware`` can name the caller of a refused request.
///
/// ```swift
/// context.caller.set(.account(account.id))      // in an authentication middleware
/// context.caller.actor ?? .anonymous("http")    // in an outer middleware, after `next`
/// ```
public final class CallerIdentity: Sendable {
    private let value = Mutex<AuditActor?>(nil)

    public init() {}

    /// The authenticated caller, `nil` until a credential was accepted.
    public var actor: AuditActor? { value.withLock { $0 } }

    public func set(_ actor: AuditActor) {
        value.withLock { $0 = actor }
    }
}
