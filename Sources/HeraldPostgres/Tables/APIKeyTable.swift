import HeraldCore
import PostgresNIO

/// Column mapping of ``APIKey`` to the `api_keys` table.
enum APIKeyTable {
    static let columns = "id, account_id, name, secret_hash, created_at, revoked_at"

    static let insert = "INSERT INTO api_keys (\(columns)) VALUES (?, ?, ?, ?, ?, ?)"

    static func arguments(_ k: APIKey) -> [any PostgresBindable] {
        [k.id.rawValue, k.accountID.rawValue, k.name, k.secretHash, k.createdAt.millisecondsSince1970, k.revokedAt?.millisecondsSince1970]
    }

    static func decode(_ row: PostgresRow) throws -> APIKey {
        var r = PostgresRowReader(row)
        return APIKey(
            id: APIKeyID(unchecked: try r.next(String.self)), accountID: AccountID(unchecked: try r.next(String.self)), name: try r.next(),
            secretHash: try r.next(), createdAt: try r.timestamp(), revokedAt: try r.optionalTimestamp())
    }
}
