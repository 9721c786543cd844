import HeraldCore
import PostgresNIO

/// Column mapping of ``OperatorToken`` to the `operator_tokens` table.
enum OperatorTokenTable {
    static let columns = "id, operator_id, secret_hash, created_at, expires_at, revoked_at"

    static let insert = "INSERT INTO operator_tokens (\(columns)) VALUES (?, ?, ?, ?, ?, ?)"

    static func arguments(_ t: OperatorToken) -> [any PostgresBindable] {
        [t.id.rawValue, t.operatorID.rawValue, t.secretHash, t.createdAt.millisecondsSince1970, t.expiresAt.millisecondsSince1970, t.revokedAt?.millisecondsSince1970]
    }

    static func decode(_ row: PostgresRow) throws -> OperatorToken {
        var r = PostgresRowReader(row)
        return OperatorToken(
            id: OperatorTokenID(unchecked: try r.next(String.self)), operatorID: OperatorID(unchecked: try r.next(String.self)), secretHash: try r.next(),
            createdAt: try r.timestamp(), expiresAt: try r.timestamp(), revokedAt: try r.optionalTimestamp())
    }
}
