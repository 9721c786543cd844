import Foundation
import HeraldCore
import PostgresNIO

/// Column mapping of ``Verification`` to the `verifications` table. The columns are authoritative; `data`
/// holds the remaining fields as JSON (with the code hash left out).
enum VerificationTable {
    static let columns = "id, account_id, to_number, status, region_code, prefix, code_hash, expires_at, created_at, updated_at, last_sent_at, send_count, version, data"

    /// Inserts unless the account already has a pending verification for the number (the partial unique index
    /// decides, also between nodes); no row back means nothing was inserted.
    static let insert = "INSERT INTO verifications (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1"

    static let updateIfVersion = """
        UPDATE verifications SET status = ?, code_hash = ?, expires_at = ?, updated_at = ?, last_sent_at = ?, send_count = ?, data = ?,
            version = version + 1
        WHERE id = ? AND version = ?
        """

    static func insertArguments(_ v: Verification) throws -> [any PostgresBindable] {
        [
            v.id.rawValue, v.accountID.rawValue, v.to, v.status.rawValue, v.destination.regionCode, v.prefix, v.codeHash,
            v.expiresAt.millisecondsSince1970, v.createdAt.millisecondsSince1970, v.updatedAt.millisecondsSince1970,
            lastSent(v).millisecondsSince1970, v.sends.count, v.version, try data(v),
        ]
    }

    static func updateArguments(_ v: Verification) throws -> [any PostgresBindable] {
        [
            v.status.rawValue, v.codeHash, v.expiresAt.millisecondsSince1970, v.updatedAt.millisecondsSince1970,
            lastSent(v).millisecondsSince1970, v.sends.count, try data(v), v.id.rawValue, v.version,
        ]
    }

    static func decode(_ row: PostgresRow) throws -> Verification {
        var r = PostgresRowReader(row)
        let id: String = try r.next()
        let accountID: String = try r.next()
        let to: String = try r.next()
        let status = try r.enumeration(VerificationStatus.self, "verification status")
        let regionCode: String = try r.next()
        let prefix: String = try r.next()
        let codeHash: String? = try r.next()
        let expiresAt = try r.timestamp()
        let createdAt = try r.timestamp()
        let updatedAt = try r.timestamp()
        _ = try r.timestamp()
        _ = try r.int()
        let version = try r.int()
        var verification = try r.json(Verification.self, "verification")
        verification.id = VerificationID(unchecked: id)
        verification.accountID = AccountID(unchecked: accountID)
        verification.to = to
        verification.status = status
        verification.destination.regionCode = regionCode
        verification.prefix = prefix
        verification.codeHash = codeHash
        verification.expiresAt = expiresAt
        verification.createdAt = createdAt
        verification.updatedAt = updatedAt
        verification.version = version
        return verification
    }

    private static func lastSent(_ v: Verification) -> Timestamp { v.sends.last?.at ?? v.createdAt }

    /// The JSON of everything but the hash.
    private static func data(_ v: Verification) throws -> String {
        var copy = v
        copy.codeHash = nil
        return try JSONText.encode(copy)
    }
}
