/// The transaction-scoped advisory locks the store takes, each keyed by a fixed namespace and the current
/// schema (so stores in different schemas of one database never wait for each other).
enum PostgresLocks {
    /// Held while migrating: nodes starting at once take turns.
    static let migration = "SELECT pg_advisory_xact_lock(1212498244, hashtext(current_schema()))"
    /// Held by every change of the administered state (routes, carrier links, settings, approvals), so an
    /// approval's staleness check and its change see no concurrent change of what they read.
    static let administration = "SELECT pg_advisory_xact_lock(1212498245, hashtext(current_schema()))"
}
