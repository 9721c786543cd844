import GRDB

/// Bind leases and node heartbeats (migration `cluster-v1`). A SQLite database serves one node, which so
/// holds every bind slot, but through the same lease code path as a PostgreSQL cluster.
enum SQLiteClusterSchema {
    static let migrationIdentifier = "cluster-v1"

    @Sendable
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE bind_leases (
                link_id TEXT NOT NULL,
                slot INTEGER NOT NULL,
                owner TEXT NOT NULL,
                expires_at INTEGER NOT NULL,
                PRIMARY KEY (link_id, slot)
            );

            CREATE TABLE cluster_nodes (
                node_id TEXT PRIMARY KEY NOT NULL,
                expires_at INTEGER NOT NULL
            );
            """)
    }
}
