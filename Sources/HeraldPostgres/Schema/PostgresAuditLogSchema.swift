/// The tamper-evident audit log's tables (migration `audit-log-v1`), as in the SQLite store: entries (never
/// updated), sealed values apart from them (erasure is a `DELETE`), cached perfect-subtree hashes, the one
/// head row (locked `FOR UPDATE` by every append, which serialises appends across nodes) and checkpoints.
enum PostgresAuditLogSchema {
    static let migration = PostgresMigration(identifier: "audit-log-v1", statements: [
        """
        CREATE TABLE audit_log_entries (
            leaf_index BIGINT PRIMARY KEY,
            at BIGINT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            previous_hash BYTEA NOT NULL,
            public_payload BYTEA NOT NULL,
            commitments TEXT NOT NULL,
            signature BYTEA NOT NULL,
            leaf_hash BYTEA NOT NULL
        )
        """,
        "CREATE INDEX audit_log_entries_by_target ON audit_log_entries(target, action)",
        """
        CREATE TABLE audit_sealed_values (
            entry_index BIGINT NOT NULL,
            name TEXT NOT NULL,
            salt BYTEA NOT NULL,
            value BYTEA NOT NULL,
            recorded_at BIGINT NOT NULL,
            PRIMARY KEY (entry_index, name)
        )
        """,
        "CREATE INDEX audit_sealed_values_by_age ON audit_sealed_values(recorded_at)",
        """
        CREATE TABLE audit_log_subtrees (
            level BIGINT NOT NULL,
            position BIGINT NOT NULL,
            hash BYTEA NOT NULL,
            PRIMARY KEY (level, position)
        )
        """,
        """
        CREATE TABLE audit_log_head (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            size BIGINT NOT NULL,
            state BYTEA NOT NULL
        )
        """,
        "INSERT INTO audit_log_head (id, size, state) VALUES (1, 0, '\\x'::bytea)",
        """
        CREATE TABLE audit_checkpoints (
            size BIGINT PRIMARY KEY,
            root_hash BYTEA NOT NULL,
            issued_at BIGINT NOT NULL,
            note TEXT NOT NULL
        )
        """,
        "CREATE INDEX audit_checkpoints_by_issue ON audit_checkpoints(issued_at)",
    ])
}
