import GRDB
import HeraldCore

/// The `settings` table: named JSON values with a revision, changed only by approved proposals.
enum SettingTable {
    static let retention = "retention"

    static func retentionRecord(in db: Database) throws -> RetentionRecord? {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT value, revision, updated_at FROM settings WHERE name = ?"), arguments: [retention]) else { return nil }
        var r = RowReader(row)
        return RetentionRecord(settings: try r.json(RetentionSettings.self, "retention settings"), revision: try r.next(), updatedAt: try r.timestamp())
    }

    static func storeRetention(_ settings: RetentionSettings, revision: Int64, at time: Timestamp, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO settings (name, value, revision, updated_at) VALUES (?, ?, ?, ?)")
            .execute(arguments: [retention, try JSONText.encode(settings), revision, time.millisecondsSince1970])
    }
}
