import GRDB

/// The tamper-evident audit log's tables (migration `audit-log-v1`).
///
/// - `audit_log_entries`: one row per entry, never updated — index, previous hash, public payload (JSON
///   bytes), sealed fields' names and commitments (JSON), signature, leaf hash, plus `at`, `action` and
///   `target` for queries.
/// - `audit_sealed_values`: the salt and value of each sealed field, apart from the entry, so erasure
///   (retention) is a `DELETE` and the entry still verifies.
/// - `audit_log_subtrees`: hashes of perfect subtrees of height ≥ 8, so proofs need O(log n) reads.
/// - `audit_log_head`: one row, the size and the sealer's state after the last entry; read and written
///   in the transaction of every append.
/// - `audit_checkpoints`: signed checkpoints, one per tree size.
///
/// The older `audit_events` table is kept as the queue of events not sealed yet (a store opened without
/// a sealer); a store with a sealer seals and empties it when it is migrated.
enum SQLiteAuditLogSchema {
    static let migrationIdentifier = "audit-log-v1"

    @Sendable
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE audit_log_entries (
                leaf_index INTEGER PRIMARY KEY,
                at INTEGER NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                previous_hash BLOB NOT NULL,
                public_payload BLOB NOT NULL,
                commitments TEXT NOT NULL,
                signature BLOB NOT NULL,
                leaf_hash BLOB NOT NULL
            );
            -- Erasing the sealed values of a message's entries, and operators' look-ups by subject.
            CREATE INDEX audit_log_entries_by_target ON audit_log_entries(target, action);

            CREATE TABLE audit_sealed_values (
                entry_index INTEGER NOT NULL,
                name TEXT NOT NULL,
                salt BLOB NOT NULL,
                value BLOB NOT NULL,
                recorded_at INTEGER NOT NULL,
                PRIMARY KEY (entry_index, name)
            ) WITHOUT ROWID;
            -- Retention: the oldest values are erased first.
            CREATE INDEX audit_sealed_values_by_age ON audit_sealed_values(recorded_at);

            CREATE TABLE audit_log_subtrees (
                level INTEGER NOT NULL,
                position INTEGER NOT NULL,
                hash BLOB NOT NULL,
                PRIMARY KEY (level, position)
            ) WITHOUT ROWID;

            CREATE TABLE audit_log_head (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                size INTEGER NOT NULL,
                state BLOB NOT NULL
            );
            INSERT INTO audit_log_head (id, size, state) VALUES (1, 0, x'');

            CREATE TABLE audit_checkpoints (
                size INTEGER PRIMARY KEY,
                root_hash BLOB NOT NULL,
                issued_at INTEGER NOT NULL,
                note TEXT NOT NULL
            );
            CREATE INDEX audit_checkpoints_by_issue ON audit_checkpoints(issued_at);
            """)
    }
}
