import HeraldCore
import PostgresNIO

/// Column mapping of ``SafeListEntry`` to the `safe_list_entries` table.
enum SafeListTable {
    static let columns = "account_id, value, note, created_at"

    static let upsert = """
        INSERT INTO safe_list_entries (\(columns)) VALUES (?, ?, ?, ?)
        ON CONFLICT (account_id, value) DO UPDATE SET note = excluded.note
        """

    static func arguments(_ e: SafeListEntry) -> [any PostgresBindable] {
        [e.accountID.rawValue, e.value, e.note, e.createdAt.millisecondsSince1970]
    }

    static func decode(_ row: PostgresRow) throws -> SafeListEntry {
        var r = PostgresRowReader(row)
        return SafeListEntry(
            accountID: AccountID(unchecked: try r.next(String.self)), value: try r.next(), note: try r.next(), createdAt: try r.timestamp())
    }
}
