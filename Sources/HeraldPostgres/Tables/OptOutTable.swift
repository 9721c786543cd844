import HeraldCore
import PostgresNIO

/// Column mapping of ``OptOut`` to the `opt_outs` table (one row per account and number).
enum OptOutTable {
    static let columns = "account_id, number, keyword, opted_out_at, inbound_id"

    /// A repeated opt-out keeps the first one's time and keyword.
    static let insert = "INSERT INTO opt_outs (\(columns)) VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, number) DO NOTHING"

    static func arguments(_ o: OptOut) -> [any PostgresBindable] {
        [o.accountID.rawValue, o.number, o.keyword, o.optedOutAt.millisecondsSince1970, o.inboundID?.rawValue]
    }

    static func decode(_ row: PostgresRow) throws -> OptOut {
        var r = PostgresRowReader(row)
        return OptOut(
            accountID: AccountID(unchecked: try r.next(String.self)), number: try r.next(), keyword: try r.next(), optedOutAt: try r.timestamp(),
            inboundID: try r.next(String?.self).map(InboundMessageID.init(unchecked:)))
    }
}
