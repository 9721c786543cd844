import HeraldCore
import PostgresNIO

/// Column mapping of a parked ``ReceiptRecord`` to the `pending_receipts` table.
enum PendingReceiptTable {
    static let columns = "link_id, carrier_message_id, lookup_keys, state, error_code, done_at, received_at"

    /// Parks a receipt; a receipt already parked (same link, carrier id and state) keeps its first arrival time.
    static let park = "INSERT INTO pending_receipts (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"

    static func arguments(_ r: ReceiptRecord) throws -> [any PostgresBindable] {
        [
            r.linkID, r.carrierMessageID, try JSONText.encode(r.lookupKeys), r.state.rawValue, r.errorCode, r.doneAt?.millisecondsSince1970,
            r.receivedAt.millisecondsSince1970,
        ]
    }

    static func decode(_ row: PostgresRow) throws -> ReceiptRecord {
        var r = PostgresRowReader(row)
        return ReceiptRecord(
            linkID: try r.next(), carrierMessageID: try r.next(), lookupKeys: try r.json([String].self, "receipt lookup keys"),
            state: try r.enumeration(PartState.self, "part state"), errorCode: try r.next(), doneAt: try r.optionalTimestamp(),
            receivedAt: try r.timestamp())
    }
}
