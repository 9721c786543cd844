import GRDB

/// The tables of the routing rules (``RouteStore``): one row per rule, one per rule link, and a single-row
/// table holding the routes version that nodes poll.
enum SQLiteRouteSchema {
    static let migrationIdentifier = "v2-routes"

    @Sendable
    static func createRouteTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE route_state (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                version INTEGER NOT NULL,
                updated_at INTEGER
            );
            INSERT INTO route_state (id, version, updated_at) VALUES (1, 0, NULL);

            -- The rule set in force, in its written order (position). Rows are replaced as a whole.
            CREATE TABLE route_rules (
                position INTEGER PRIMARY KEY,
                rule_id TEXT NOT NULL UNIQUE,
                account_id TEXT,
                match_kind TEXT NOT NULL,
                match_value TEXT NOT NULL,
                mode TEXT NOT NULL,
                note TEXT
            );

            CREATE TABLE route_rule_links (
                rule_position INTEGER NOT NULL REFERENCES route_rules(position) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                link_id TEXT NOT NULL,
                priority INTEGER NOT NULL,
                weight INTEGER NOT NULL,
                cost_micros INTEGER NOT NULL,
                backup INTEGER NOT NULL,
                PRIMARY KEY (rule_position, position)
            ) WITHOUT ROWID;
            """)
    }
}
