/// A request Herald refused — unauthenticated (401), forbidden (403), refused by policy or a rate limit —
/// as the transport reports it to the ``DeniedRequestAuditor``.
public struct DeniedRequest: Sendable, Equatable {
    public var at: Timestamp
    /// The authenticated caller, or ``AuditActor/anonymous(_:)`` when the credentials were missing or bad.
    public var actor: AuditActor
    /// The client's IP address, when known (sealed in the audit entry: erased after retention).
    public var clientAddress: String?
    /// Where the request came in and what it asked, e.g. `http` and `POST /v1/messages` (a route template,
    /// never a raw path, which may hold a phone number).
    public var channel: String
    public var operation: String
    /// The answer: a status (HTTP) and the stable problem code.
    public var status: Int
    public var code: String

    public init(at: Timestamp, actor: AuditActor, clientAddress: String?, channel: String, operation: String, status: Int, code: String) {
        self.at = at
        self.actor = actor
        self.clientAddress = clientAddress
        self.channel = channel
        self.operation = operation
        self.status = status
        self.code = code
    }
}
