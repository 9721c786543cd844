/// The verification and fraud-guard tables (migration `verifications-v1`). A verification keeps the columns
/// it is searched and counted by; the rest is JSON text (`data`). The code itself is never stored.
enum PostgresVerificationSchema {
    static let migration = PostgresMigration(identifier: "verifications-v1", statements: [
        """
        CREATE TABLE verifications (
            id TEXT PRIMARY KEY,
            account_id TEXT NOT NULL,
            to_number TEXT NOT NULL,
            status TEXT NOT NULL,
            region_code TEXT NOT NULL,
            prefix TEXT NOT NULL,
            code_hash TEXT,
            expires_at BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            last_sent_at BIGINT NOT NULL,
            send_count BIGINT NOT NULL,
            version BIGINT NOT NULL,
            data TEXT NOT NULL
        )
        """,
        // At most one pending verification per account and number, across every node.
        "CREATE UNIQUE INDEX verifications_one_pending ON verifications(account_id, to_number) WHERE status = 'pending'",
        "CREATE INDEX verifications_by_number ON verifications(account_id, to_number, last_sent_at)",
        "CREATE INDEX verifications_expiry ON verifications(status, expires_at)",
        "CREATE INDEX verifications_by_account_created ON verifications(account_id, created_at)",
        """
        CREATE TABLE fraud_blocks (
            id TEXT PRIMARY KEY,
            account_id TEXT,
            prefix TEXT NOT NULL,
            network TEXT,
            created_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL,
            lifted_at BIGINT,
            lifted_by TEXT,
            data TEXT NOT NULL
        )
        """,
        "CREATE INDEX fraud_blocks_by_creation ON fraud_blocks(created_at)",
        """
        CREATE TABLE safe_list_entries (
            seq BIGSERIAL PRIMARY KEY,
            account_id TEXT NOT NULL,
            value TEXT NOT NULL,
            note TEXT,
            created_at BIGINT NOT NULL,
            UNIQUE (account_id, value)
        )
        """,
    ])
}
