import GRDB

/// The table of approved sealed-value disclosures (migration `disclosures-v1`).
enum SQLiteDisclosureSchema {
    static let migrationIdentifier = "disclosures-v1"

    @Sendable
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            -- Approved disclosures (id = the proposal's); the values themselves are read when downloaded.
            CREATE TABLE sealed_value_disclosures (
                id TEXT PRIMARY KEY NOT NULL,
                first_index INTEGER NOT NULL,
                end_index INTEGER NOT NULL,
                requested_by TEXT NOT NULL,
                approved_by TEXT NOT NULL,
                approved_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                downloaded_at INTEGER,
                downloaded_by TEXT
            );
            """)
    }
}
