import HeraldCore

/// The admin API's JSON shape of an operator.
public struct OperatorResource: Sendable, Equatable, Encodable {
    public var id: String
    public var object = "operator"
    public var name: String
    public var role: OperatorRole
    public var status: Operator.Status
    public var createdAt: Timestamp
    public var createdBy: String
    public var disabledAt: Timestamp?

    enum CodingKeys: String, CodingKey {
        case id, object, name, role, status
        case createdAt = "created_at"
        case createdBy = "created_by"
        case disabledAt = "disabled_at"
    }

    public init(_ op: Operator) {
        id = op.id.rawValue
        name = op.name
        role = op.role
        status = op.status
        createdAt = op.createdAt
        createdBy = op.createdBy
        disabledAt = op.disabledAt
    }
}
