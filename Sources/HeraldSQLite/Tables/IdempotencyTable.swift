import GRDB
import HeraldCore

/// Column mapping of ``IdempotencyRecord`` to the `idempotency_records` table.
enum IdempotencyTable {
    static let columns = "account_id, key, fingerprint, response_status, response_body, created_at, expires_at"

    /// Inserts the record unless the account holds a live record with this key. A record whose retention ended
    /// (but that housekeeping has not deleted yet) is replaced, so an expired key is free to reuse.
    /// Zero changes means: a live record exists.
    static let insertUnlessLive = """
        INSERT INTO idempotency_records (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (account_id, key) DO UPDATE SET
            fingerprint = excluded.fingerprint, response_status = excluded.response_status, response_body = excluded.response_body,
            created_at = excluded.created_at, expires_at = excluded.expires_at
        WHERE idempotency_records.expires_at <= excluded.created_at
        """

    static let select = "SELECT \(columns) FROM idempotency_records WHERE account_id = ? AND key = ?"

    static func arguments(_ r: IdempotencyRecord) -> StatementArguments {
        [r.accountID.rawValue, r.key, r.fingerprint, r.responseStatus, r.responseBody, r.createdAt.millisecondsSince1970, r.expiresAt.millisecondsSince1970]
    }

    static func decode(_ row: Row) throws -> IdempotencyRecord {
        var r = RowReader(row)
        return IdempotencyRecord(
            accountID: AccountID(unchecked: try r.next()), key: try r.next(), fingerprint: try r.next(), responseStatus: try r.next(),
            responseBody: try r.next(), createdAt: try r.timestamp(), expiresAt: try r.timestamp())
    }
}
