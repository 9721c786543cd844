/// Something that must be written to the tamper-evident audit log, in the same transaction as the change
/// it records.
///
/// `details` are kept for ever; `sensitive` values (message content, full numbers) are committed to by a
/// salted hash so they can be erased later while the log still verifies.
public struct AuditEvent: Sendable, Equatable, Codable {
    public var at: Timestamp
    public var actor: AuditActor
    /// Dotted action name, e.g. `account.create`, `carrier.bind`, `message.submit`, `request.denied`.
    public var action: String
    /// What was acted on, e.g. `acc_…`, `link:sim`, `route:default`.
    public var target: String
    /// `ok`, `denied`, `failed`, `proposed`, `approved`.
    public var outcome: String
    public var details: [String: String]
    public var sensitive: [String: String]

    public init(
        at: Timestamp, actor: AuditActor, action: String, target: String, outcome: String = "ok",
        details: [String: String] = [:], sensitive: [String: String] = [:]
    ) {
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
        self.outcome = outcome
        self.details = details
        self.sensitive = sensitive
    }
}

/// Who did it.
public struct AuditActor: Sendable, Equatable, Codable, CustomStringConvertible {
    /// `operator`, `account`, `system`, `cli`, `anonymous` (an unauthenticated request).
    public var kind: String
    public var id: String

    public init(kind: String, id: String) {
        self.kind = kind
        self.id = id
    }

    public static func system(_ component: String) -> AuditActor { AuditActor(kind: "system", id: component) }
    public static func account(_ id: AccountID) -> AuditActor { AuditActor(kind: "account", id: id.rawValue) }
    public static func cli(_ user: String) -> AuditActor { AuditActor(kind: "cli", id: user) }
    /// A Herald operator (staff member), written `operator:<id>`.
    public static func `operator`(_ id: String) -> AuditActor { AuditActor(kind: "operator", id: id) }
    /// A request that presented no valid credentials, e.g. `anonymous:http`.
    public static func anonymous(_ channel: String) -> AuditActor { AuditActor(kind: "anonymous", id: channel) }

    public var description: String { "\(kind):\(id)" }
}
