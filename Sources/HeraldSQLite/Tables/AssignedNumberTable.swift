import GRDB
import HeraldCore

/// Column mapping of ``AssignedNumber`` to the `assigned_numbers` table (keyed by ``AssignedNumber/key``).
enum AssignedNumberTable {
    static let columns = "number, account_id, assigned_at"

    static let insert = "INSERT INTO assigned_numbers (number_key, \(columns)) VALUES (?, ?, ?, ?)"

    static func arguments(_ n: AssignedNumber) -> StatementArguments {
        [n.key, n.number, n.accountID.rawValue, n.assignedAt.millisecondsSince1970]
    }

    static func decode(_ row: Row) throws -> AssignedNumber {
        var r = RowReader(row)
        return AssignedNumber(number: try r.next(), accountID: AccountID(unchecked: try r.next()), assignedAt: try r.timestamp())
    }
}
