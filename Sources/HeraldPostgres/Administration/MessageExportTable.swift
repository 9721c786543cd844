import HeraldCore
import PostgresNIO

/// Column mapping of ``MessageExport`` to the `message_exports` table.
enum MessageExportTable {
    static let columns = "id, account_id, period_from, period_to, proposed_by, approved_by, approved_at, expires_at, downloaded_at, downloaded_by"

    static let insert = "INSERT INTO message_exports (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

    static func arguments(_ e: MessageExport) -> [any PostgresBindable] {
        [
            e.id.rawValue, e.accountID.rawValue, e.from.millisecondsSince1970, e.to.millisecondsSince1970, e.proposedBy, e.approvedBy,
            e.approvedAt.millisecondsSince1970, e.expiresAt.millisecondsSince1970, e.downloadedAt?.millisecondsSince1970, e.downloadedBy,
        ]
    }

    static func decode(_ row: PostgresRow) throws -> MessageExport {
        var r = PostgresRowReader(row)
        return MessageExport(
            id: ProposalID(unchecked: try r.next(String.self)), accountID: AccountID(unchecked: try r.next(String.self)), from: try r.timestamp(),
            to: try r.timestamp(), proposedBy: try r.next(), approvedBy: try r.next(), approvedAt: try r.timestamp(), expiresAt: try r.timestamp(),
            downloadedAt: try r.optionalTimestamp(), downloadedBy: try r.next())
    }
}
