import GRDB

/// The verification and fraud-guard tables (migration `verifications-v1`).
///
/// A verification keeps the columns it is searched and counted by; the rest is JSON text (`data`). The code
/// hash has its own column and is cleared when the verification ends; the code itself is never stored.
enum SQLiteVerificationSchema {
    static let migrationIdentifier = "verifications-v1"

    @Sendable
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE verifications (
                id TEXT PRIMARY KEY NOT NULL,
                account_id TEXT NOT NULL,
                to_number TEXT NOT NULL,
                status TEXT NOT NULL,
                region_code TEXT NOT NULL,
                prefix TEXT NOT NULL,
                code_hash TEXT,
                expires_at INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                last_sent_at INTEGER NOT NULL,
                send_count INTEGER NOT NULL,
                version INTEGER NOT NULL,
                data TEXT NOT NULL
            );
            -- At most one pending verification per account and number: a concurrent second start becomes a resend.
            CREATE UNIQUE INDEX verifications_one_pending ON verifications(account_id, to_number) WHERE status = 'pending';
            -- The per-number send cap.
            CREATE INDEX verifications_by_number ON verifications(account_id, to_number, last_sent_at);
            -- Expiry of pending verifications.
            CREATE INDEX verifications_expiry ON verifications(status, expires_at);
            -- Analytics over a period.
            CREATE INDEX verifications_by_account_created ON verifications(account_id, created_at);

            CREATE TABLE fraud_blocks (
                id TEXT PRIMARY KEY NOT NULL,
                account_id TEXT,
                prefix TEXT NOT NULL,
                network TEXT,
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                lifted_at INTEGER,
                lifted_by TEXT,
                data TEXT NOT NULL
            );
            CREATE INDEX fraud_blocks_by_creation ON fraud_blocks(created_at);

            CREATE TABLE safe_list_entries (
                seq INTEGER PRIMARY KEY,
                account_id TEXT NOT NULL,
                value TEXT NOT NULL,
                note TEXT,
                created_at INTEGER NOT NULL,
                UNIQUE (account_id, value)
            );
            """)
    }
}
