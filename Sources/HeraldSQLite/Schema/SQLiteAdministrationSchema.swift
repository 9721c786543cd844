import GRDB

/// The tables of operator administration (migration `administration-v1`): operators and their tokens,
/// proposals of the two-person rule, the carrier links in service, approved settings (retention) and
/// approved message exports.
enum SQLiteAdministrationSchema {
    static let migrationIdentifier = "administration-v1"

    @Sendable
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE operators (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                role TEXT NOT NULL,
                status TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                created_by TEXT NOT NULL,
                disabled_at INTEGER
            );

            -- Only the SHA-256 of a token's text is kept.
            CREATE TABLE operator_tokens (
                id TEXT PRIMARY KEY NOT NULL,
                operator_id TEXT NOT NULL REFERENCES operators(id),
                secret_hash TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                revoked_at INTEGER
            );
            CREATE INDEX operator_tokens_by_operator ON operator_tokens(operator_id, id);

            -- The change is JSON (kind + data); target and status are columns for superseding and listing.
            CREATE TABLE proposals (
                id TEXT PRIMARY KEY NOT NULL,
                kind TEXT NOT NULL,
                target TEXT NOT NULL,
                change TEXT NOT NULL,
                digest TEXT NOT NULL,
                note TEXT,
                proposed_by TEXT NOT NULL,
                status TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                decided_by TEXT,
                decided_at INTEGER,
                decision_note TEXT
            );
            CREATE INDEX proposals_pending ON proposals(status, expires_at);
            CREATE INDEX proposals_by_target ON proposals(target, status);

            -- Removed links stay (removed_at set) so the configuration file does not bring them back.
            CREATE TABLE carrier_links (
                id TEXT PRIMARY KEY NOT NULL,
                definition TEXT NOT NULL,
                revision INTEGER NOT NULL,
                origin TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                removed_at INTEGER
            );
            CREATE TABLE carrier_link_state (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                version INTEGER NOT NULL
            );
            INSERT INTO carrier_link_state (id, version) VALUES (1, 0);

            -- Settings changed through approved proposals (today: `retention`), as JSON with a revision.
            CREATE TABLE settings (
                name TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL,
                revision INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );

            -- Approved exports (id = the proposal's); the messages themselves are read when downloaded.
            CREATE TABLE message_exports (
                id TEXT PRIMARY KEY NOT NULL,
                account_id TEXT NOT NULL,
                period_from INTEGER NOT NULL,
                period_to INTEGER NOT NULL,
                proposed_by TEXT NOT NULL,
                approved_by TEXT NOT NULL,
                approved_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                downloaded_at INTEGER,
                downloaded_by TEXT
            );
            """)
    }
}
