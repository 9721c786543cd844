import GRDB
import HeraldCore

/// Column mapping of ``APIKey`` to the `api_keys` table.
enum APIKeyTable {
    static let columns = "id, account_id, name, secret_hash, created_at, revoked_at"

    static let insert = "INSERT INTO api_keys (\(columns)) VALUES (?, ?, ?, ?, ?, ?)"

    static func arguments(_ k: APIKey) -> StatementArguments {
        [k.id.rawValue, k.accountID.rawValue, k.name, k.secretHash, k.createdAt.millisecondsSince1970, k.revokedAt?.millisecondsSince1970]
    }

    static func decode(_ row: Row) throws -> APIKey {
        var r = RowReader(row)
        return APIKey(
            id: APIKeyID(unchecked: try r.next()), accountID: AccountID(unchecked: try r.next()), name: try r.next(),
            secretHash: try r.next(), createdAt: try r.timestamp(), revokedAt: try r.optionalTimestamp())
    }
}
