/// The tables of the routing rules (migration `v2-routes`): one row per rule, one per rule link, and a
/// single-row table holding the routes version that nodes poll.
enum PostgresRouteSchema {
    static let migration = PostgresMigration(identifier: "v2-routes", statements: [
        """
        CREATE TABLE route_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            version BIGINT NOT NULL,
            updated_at BIGINT
        )
        """,
        "INSERT INTO route_state (id, version, updated_at) VALUES (1, 0, NULL)",
        // The rule set in force, in its written order (position). Rows are replaced as a whole.
        """
        CREATE TABLE route_rules (
            position BIGINT PRIMARY KEY,
            rule_id TEXT NOT NULL UNIQUE,
            account_id TEXT,
            match_kind TEXT NOT NULL,
            match_value TEXT NOT NULL,
            mode TEXT NOT NULL,
            note TEXT
        )
        """,
        """
        CREATE TABLE route_rule_links (
            rule_position BIGINT NOT NULL REFERENCES route_rules(position) ON DELETE CASCADE,
            position BIGINT NOT NULL,
            link_id TEXT NOT NULL,
            priority BIGINT NOT NULL,
            weight BIGINT NOT NULL,
            cost_micros BIGINT NOT NULL,
            backup BOOLEAN NOT NULL,
            PRIMARY KEY (rule_position, position)
        )
        """,
    ])
}
