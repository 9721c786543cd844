/// Tables that let several nodes share work beyond message claims (migration `cluster-v1`): bind leases and
/// node heartbeats (bind ownership), token buckets (rate limits) and fraud-guard traffic counts.
enum PostgresClusterSchema {
    static let migration = PostgresMigration(identifier: "cluster-v1", statements: [
        """
        CREATE TABLE bind_leases (
            link_id TEXT NOT NULL,
            slot BIGINT NOT NULL,
            owner TEXT NOT NULL,
            expires_at BIGINT NOT NULL,
            PRIMARY KEY (link_id, slot)
        )
        """,
        """
        CREATE TABLE cluster_nodes (
            node_id TEXT PRIMARY KEY,
            expires_at BIGINT NOT NULL
        )
        """,
        // `allowed` is the decision of the last acquisition (RETURNING sees only the new row); `full_at` is
        // when the bucket will be full again, after which the row is equivalent to none and may be dropped.
        """
        CREATE TABLE rate_limit_buckets (
            key TEXT PRIMARY KEY,
            tokens DOUBLE PRECISION NOT NULL,
            updated_at BIGINT NOT NULL,
            allowed BOOLEAN NOT NULL,
            full_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX rate_limit_buckets_by_full_at ON rate_limit_buckets(full_at)",
        // Sends and approvals per scope (account or all accounts, and range), time slot and number suffix.
        """
        CREATE TABLE fraud_traffic (
            scope_key TEXT NOT NULL,
            slot BIGINT NOT NULL,
            suffix BIGINT NOT NULL,
            sends BIGINT NOT NULL,
            approvals BIGINT NOT NULL,
            PRIMARY KEY (scope_key, slot, suffix)
        )
        """,
        "CREATE INDEX fraud_traffic_by_slot ON fraud_traffic(slot)",
    ])
}
