import HeraldCore
import PostgresNIO

/// Column mapping of ``AssignedNumber`` to the `assigned_numbers` table (keyed by ``AssignedNumber/key``).
enum AssignedNumberTable {
    static let columns = "number, account_id, assigned_at"

    /// Inserts unless the number is assigned already (the primary key decides, also between nodes); no row
    /// back means it was taken.
    static let insert = "INSERT INTO assigned_numbers (number_key, \(columns)) VALUES (?, ?, ?, ?) ON CONFLICT (number_key) DO NOTHING RETURNING 1"

    static func arguments(_ n: AssignedNumber) -> [any PostgresBindable] {
        [n.key, n.number, n.accountID.rawValue, n.assignedAt.millisecondsSince1970]
    }

    static func decode(_ row: PostgresRow) throws -> AssignedNumber {
        var r = PostgresRowReader(row)
        return AssignedNumber(number: try r.next(), accountID: AccountID(unchecked: try r.next(String.self)), assignedAt: try r.timestamp())
    }
}
