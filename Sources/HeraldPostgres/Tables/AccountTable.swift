import HeraldCore
import PostgresNIO

/// Column mapping of ``Account`` to the `accounts` table (limits and country permissions as JSON).
enum AccountTable {
    static let columns = "id, name, status, webhook_secret, webhook_url, limits, country_permissions, created_at"

    static let insert = "INSERT INTO accounts (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"

    static let update = """
        UPDATE accounts SET name = ?, status = ?, webhook_secret = ?, webhook_url = ?, limits = ?, country_permissions = ?
        WHERE id = ?
        """

    static func insertArguments(_ a: Account) throws -> [any PostgresBindable] {
        [
            a.id.rawValue, a.name, a.status.rawValue, a.webhookSecret, a.webhookURL, try JSONText.encode(a.limits),
            try JSONText.encode(a.countryPermissions), a.createdAt.millisecondsSince1970,
        ]
    }

    static func updateArguments(_ a: Account) throws -> [any PostgresBindable] {
        [
            a.name, a.status.rawValue, a.webhookSecret, a.webhookURL, try JSONText.encode(a.limits), try JSONText.encode(a.countryPermissions),
            a.id.rawValue,
        ]
    }

    static func decode(_ row: PostgresRow) throws -> Account {
        var r = PostgresRowReader(row)
        return Account(
            id: AccountID(unchecked: try r.next(String.self)), name: try r.next(), status: try r.enumeration(Account.Status.self, "account status"),
            webhookSecret: try r.next(), webhookURL: try r.next(), limits: try r.json(AccountLimits.self, "account limits"),
            countryPermissions: try r.json(CountryPermissions.self, "country permissions"), createdAt: try r.timestamp())
    }
}
