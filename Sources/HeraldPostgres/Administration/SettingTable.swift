import HeraldCore

/// The `settings` table: named JSON values with a revision, changed only by approved proposals.
enum SettingTable {
    static let retention = "retention"

    static func retentionRecord(in tx: PostgresTransaction) async throws -> RetentionRecord? {
        guard let row = try await tx.row("SELECT value, revision, updated_at FROM settings WHERE name = ?", [retention]) else { return nil }
        var r = PostgresRowReader(row)
        return RetentionRecord(settings: try r.json(RetentionSettings.self, "retention settings"), revision: try r.next(Int64.self), updatedAt: try r.timestamp())
    }

    static func storeRetention(_ settings: RetentionSettings, revision: Int64, at time: Timestamp, in tx: PostgresTransaction) async throws {
        try await tx.execute("""
            INSERT INTO settings (name, value, revision, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET value = excluded.value, revision = excluded.revision, updated_at = excluded.updated_at
            """, [retention, try JSONText.encode(settings), revision, time.millisecondsSince1970])
    }
}
