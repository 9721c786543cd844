import HeraldCore

/// Applies ``PostgresSchema/migrations`` that are not recorded in `schema_migrations` yet, in one
/// transaction under a transaction-scoped advisory lock: nodes starting at once against one database
/// take turns, and the second finds nothing left to do. Safe to run on every start.
enum PostgresMigrator {
    /// The advisory lock key: a fixed namespace plus the schema, so stores in different schemas of one
    /// database (the tests) migrate independently.
    static let lockSQL = PostgresLocks.migration

    /// Runs inside the caller's transaction; returns the identifiers it applied and those recorded that this
    /// version does not know (a newer node migrated first: its steps only add, so this node carries on).
    static func migrate(_ tx: PostgresTransaction, at time: Timestamp) async throws -> (applied: [String], unknown: [String]) {
        try await tx.execute(lockSQL)
        try await tx.execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                identifier TEXT PRIMARY KEY,
                applied_at BIGINT NOT NULL
            )
            """)
        let applied = Set(try await tx.rows("SELECT identifier FROM schema_migrations").map { row in
            var reader = PostgresRowReader(row)
            return try reader.next(String.self)
        })
        var new: [String] = []
        for migration in PostgresSchema.migrations where !applied.contains(migration.identifier) {
            for statement in migration.statements { try await tx.execute(statement) }
            try await tx.execute("INSERT INTO schema_migrations (identifier, applied_at) VALUES (?, ?)", [migration.identifier, time.millisecondsSince1970])
            new.append(migration.identifier)
        }
        return (new, applied.subtracting(PostgresSchema.migrations.map(\.identifier)).sorted())
    }
}
