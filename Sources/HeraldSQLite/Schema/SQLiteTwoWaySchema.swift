import GRDB

/// The tables of two-way messaging (migration `two-way-v1`): SMPP access of accounts, assigned numbers,
/// inbound messages, opt-outs, the customer SMPP outbox, and the receipt request of messages.
enum SQLiteTwoWaySchema {
    static let migrationIdentifier = "two-way-v1"

    @Sendable
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            -- registered_delivery of messages submitted over SMPP (NULL: no receipt asked for).
            ALTER TABLE messages ADD COLUMN receipt_request TEXT;

            CREATE TABLE smpp_accounts (
                account_id TEXT PRIMARY KEY NOT NULL REFERENCES accounts(id),
                system_id TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                max_binds INTEGER NOT NULL,
                allowed_networks TEXT NOT NULL,
                window_size INTEGER NOT NULL,
                tps REAL NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );

            CREATE TABLE assigned_numbers (
                number_key TEXT PRIMARY KEY NOT NULL,
                number TEXT NOT NULL,
                account_id TEXT NOT NULL REFERENCES accounts(id),
                assigned_at INTEGER NOT NULL
            );
            CREATE INDEX assigned_numbers_by_account ON assigned_numbers(account_id, number);

            CREATE TABLE inbound_messages (
                id TEXT PRIMARY KEY NOT NULL,
                account_id TEXT NOT NULL,
                from_number TEXT NOT NULL,
                to_number TEXT NOT NULL,
                to_key TEXT NOT NULL,
                body TEXT,
                body_policy TEXT NOT NULL,
                keyword_action TEXT,
                keyword TEXT,
                link_id TEXT NOT NULL,
                received_at INTEGER NOT NULL
            );
            -- Listing an account's inbound messages newest first, cursor on id.
            CREATE INDEX inbound_messages_by_account ON inbound_messages(account_id, id);
            -- Retention: only retained bodies are indexed, so the index shrinks as bodies are erased.
            CREATE INDEX inbound_messages_retained_bodies ON inbound_messages(received_at) WHERE body_policy = 'retained';

            CREATE TABLE opt_outs (
                account_id TEXT NOT NULL,
                number TEXT NOT NULL,
                keyword TEXT NOT NULL,
                opted_out_at INTEGER NOT NULL,
                inbound_id TEXT,
                PRIMARY KEY (account_id, number)
            ) WITHOUT ROWID;

            CREATE TABLE smpp_deliveries (
                id TEXT PRIMARY KEY NOT NULL,
                account_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                content TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at INTEGER NOT NULL,
                last_error TEXT,
                lease_owner TEXT,
                lease_until INTEGER
            );
            -- Claiming an account's due entries in order.
            CREATE INDEX smpp_deliveries_due ON smpp_deliveries(status, account_id, next_attempt_at);
            -- Giving up entries held too long.
            CREATE INDEX smpp_deliveries_by_age ON smpp_deliveries(status, created_at);
            CREATE INDEX smpp_deliveries_by_account ON smpp_deliveries(account_id, id);
            """)
    }
}
