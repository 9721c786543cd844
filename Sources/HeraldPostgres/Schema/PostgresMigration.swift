/// One versioned step of the PostgreSQL schema: an identifier recorded in `schema_migrations` and the
/// statements that make it (PostgreSQL runs DDL in transactions, so a step applies whole or not at all).
struct PostgresMigration: Sendable {
    let identifier: String
    let statements: [String]
}
