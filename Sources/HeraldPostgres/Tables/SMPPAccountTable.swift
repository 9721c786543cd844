import HeraldCore
import PostgresNIO

/// Column mapping of ``SMPPAccount`` to the `smpp_accounts` table (allowed networks as a JSON array of CIDR text).
enum SMPPAccountTable {
    static let columns = "account_id, system_id, password_hash, max_binds, allowed_networks, window_size, tps, created_at, updated_at"

    /// The unique constraint on `system_id`: a violation means another account holds the system id.
    static let systemIDConstraint = "smpp_accounts_system_id_unique"

    static let upsert = """
        INSERT INTO smpp_accounts (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (account_id) DO UPDATE SET system_id = excluded.system_id, password_hash = excluded.password_hash,
            max_binds = excluded.max_binds, allowed_networks = excluded.allowed_networks, window_size = excluded.window_size,
            tps = excluded.tps, updated_at = excluded.updated_at
        """

    static func arguments(_ a: SMPPAccount) throws -> [any PostgresBindable] {
        [
            a.accountID.rawValue, a.systemID, a.passwordHash, a.maximumBinds, try JSONText.encode(a.allowedNetworks.map(\.description)), a.window,
            a.messagesPerSecond, a.createdAt.millisecondsSince1970, a.updatedAt.millisecondsSince1970,
        ]
    }

    static func decode(_ row: PostgresRow) throws -> SMPPAccount {
        var r = PostgresRowReader(row)
        let accountID = AccountID(unchecked: try r.next(String.self))
        let systemID: String = try r.next()
        let hash: String = try r.next()
        let binds = try r.int()
        let networks = try r.json([String].self, "allowed networks")
        let window = try r.int()
        let tps: Double = try r.next()
        let created = try r.timestamp()
        let updated = try r.timestamp()
        let parsed = try networks.map { text in
            do { return try IPNetwork(parsing: text) } catch { throw PostgresStoreError.corrupt("allowed network", text) }
        }
        return SMPPAccount(
            accountID: accountID, systemID: systemID, passwordHash: hash, maximumBinds: binds, allowedNetworks: parsed, window: window,
            messagesPerSecond: tps, createdAt: created, updatedAt: updated)
    }
}
