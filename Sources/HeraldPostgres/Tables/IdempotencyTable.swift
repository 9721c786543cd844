import HeraldCore
import PostgresNIO

/// Column mapping of ``IdempotencyRecord`` to the `idempotency_records` table.
enum IdempotencyTable {
    static let columns = "account_id, key, fingerprint, response_status, response_body, created_at, expires_at"

    /// Inserts the record unless the account holds a live record with this key; a record whose retention ended
    /// is replaced, so an expired key is free to reuse. The primary key decides between concurrent inserts on
    /// any node: the second waits for the first to commit, then finds the live record. No row back means: a
    /// live record exists.
    static let insertUnlessLive = """
        INSERT INTO idempotency_records (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (account_id, key) DO UPDATE SET
            fingerprint = excluded.fingerprint, response_status = excluded.response_status, response_body = excluded.response_body,
            created_at = excluded.created_at, expires_at = excluded.expires_at
        WHERE idempotency_records.expires_at <= excluded.created_at
        RETURNING 1
        """

    static let select = "SELECT \(columns) FROM idempotency_records WHERE account_id = ? AND key = ?"

    static func arguments(_ r: IdempotencyRecord) -> [any PostgresBindable] {
        [r.accountID.rawValue, r.key, r.fingerprint, r.responseStatus, r.responseBody, r.createdAt.millisecondsSince1970, r.expiresAt.millisecondsSince1970]
    }

    static func decode(_ row: PostgresRow) throws -> IdempotencyRecord {
        var r = PostgresRowReader(row)
        return IdempotencyRecord(
            accountID: AccountID(unchecked: try r.next(String.self)), key: try r.next(), fingerprint: try r.next(), responseStatus: try r.int(),
            responseBody: try r.next(), createdAt: try r.timestamp(), expiresAt: try r.timestamp())
    }
}
