import HeraldCore
import PostgresNIO

/// Column mapping of ``Operator`` to the `operators` table.
enum OperatorTable {
    static let columns = "id, name, role, status, created_at, created_by, disabled_at"

    static let insert = "INSERT INTO operators (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?)"

    static func arguments(_ o: Operator) -> [any PostgresBindable] {
        [o.id.rawValue, o.name, o.role.rawValue, o.status.rawValue, o.createdAt.millisecondsSince1970, o.createdBy, o.disabledAt?.millisecondsSince1970]
    }

    static func decode(_ row: PostgresRow) throws -> Operator {
        var r = PostgresRowReader(row)
        return Operator(
            id: OperatorID(unchecked: try r.next(String.self)), name: try r.next(), role: try r.enumeration(OperatorRole.self, "operator role"),
            status: try r.enumeration(Operator.Status.self, "operator status"), createdAt: try r.timestamp(), createdBy: try r.next(),
            disabledAt: try r.optionalTimestamp())
    }
}
