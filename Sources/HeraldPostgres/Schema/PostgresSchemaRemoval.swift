import HeraldCore

extension PostgresHeraldStore {
    /// Drops the schema this store was opened on (`schema=` of the URL) with everything in it — for
    /// benchmarks and tests that make a schema per run. Refuses a store without a schema of its own, so the
    /// connecting role's default schema is never dropped.
    public func dropSchema() async throws {
        guard let schema = configuration.schema else {
            throw HeraldError(.invalidInput, code: "no_database_schema", "the store has no schema of its own to drop (give the URL a schema= parameter)")
        }
        guard Self.isPlainIdentifier(schema) else {
            throw HeraldError(.invalidInput, code: "invalid_database_schema", "the PostgreSQL schema name '\(schema)' must be lower-case letters, digits and _")
        }
        try await write("dropping the schema \(schema)") { tx in
            try await tx.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE")
        }
    }
}
