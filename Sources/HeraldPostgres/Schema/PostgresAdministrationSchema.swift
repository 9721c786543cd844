/// The tables of operator administration (migration `administration-v1`): operators and their tokens,
/// proposals of the two-person rule, the carrier links in service, approved settings and message exports.
enum PostgresAdministrationSchema {
    static let migration = PostgresMigration(identifier: "administration-v1", statements: [
        """
        CREATE TABLE operators (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            created_by TEXT NOT NULL,
            disabled_at BIGINT
        )
        """,
        // Only the SHA-256 of a token's text is kept.
        """
        CREATE TABLE operator_tokens (
            id TEXT PRIMARY KEY,
            operator_id TEXT NOT NULL REFERENCES operators(id),
            secret_hash TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL,
            revoked_at BIGINT
        )
        """,
        "CREATE INDEX operator_tokens_by_operator ON operator_tokens(operator_id, id)",
        """
        CREATE TABLE proposals (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            target TEXT NOT NULL,
            change TEXT NOT NULL,
            digest TEXT NOT NULL,
            note TEXT,
            proposed_by TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL,
            decided_by TEXT,
            decided_at BIGINT,
            decision_note TEXT
        )
        """,
        "CREATE INDEX proposals_pending ON proposals(status, expires_at)",
        "CREATE INDEX proposals_by_target ON proposals(target, status)",
        // Removed links stay (removed_at set) so the configuration file does not bring them back.
        """
        CREATE TABLE carrier_links (
            id TEXT PRIMARY KEY,
            definition TEXT NOT NULL,
            revision BIGINT NOT NULL,
            origin TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            removed_at BIGINT
        )
        """,
        """
        CREATE TABLE carrier_link_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            version BIGINT NOT NULL
        )
        """,
        "INSERT INTO carrier_link_state (id, version) VALUES (1, 0)",
        """
        CREATE TABLE settings (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            revision BIGINT NOT NULL,
            updated_at BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE message_exports (
            id TEXT PRIMARY KEY,
            account_id TEXT NOT NULL,
            period_from BIGINT NOT NULL,
            period_to BIGINT NOT NULL,
            proposed_by TEXT NOT NULL,
            approved_by TEXT NOT NULL,
            approved_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL,
            downloaded_at BIGINT,
            downloaded_by TEXT
        )
        """,
    ])
}
