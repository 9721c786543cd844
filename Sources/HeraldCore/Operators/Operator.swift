/// The kind tag for operator identifiers (`op_…`).
public enum OperatorKind: IdentifierKind { public static let prefix = "op" }
public typealias OperatorID = Identifier<OperatorKind>

/// A person who runs Herald (not a customer): authenticates with operator tokens on the admin API and is
/// allowed what their ``OperatorRole`` grants. Every change an operator makes is audited as `operator:<id>`.
///
/// ```swift
/// let created = try await operators.createOperator(name: "Ada", role: .support, actor: .cli("root"))
/// created.operator.role.allows(.supportAccounts)   // true
/// ```
public struct Operator: Sendable, Equatable, Codable {
    public var id: OperatorID
    public var name: String
    public var role: OperatorRole
    public var status: Status
    public var createdAt: Timestamp
    /// Who created the operator, as an audit actor (`operator:op_…`, `cli:alice`, `system:bootstrap`).
    public var createdBy: String
    public var disabledAt: Timestamp?

    public enum Status: String, Sendable, Codable, Equatable, CaseIterable {
        case active
        /// May no longer authenticate; kept so the audit log's references stay meaningful.
        case disabled
    }

    public init(
        id: OperatorID, name: String, role: OperatorRole, status: Status = .active, createdAt: Timestamp, createdBy: String,
        disabledAt: Timestamp? = nil
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.status = status
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.disabledAt = disabledAt
    }

    /// The actor recorded in audit events for this operator's actions.
    public var actor: AuditActor { .operator(id.rawValue) }
}
