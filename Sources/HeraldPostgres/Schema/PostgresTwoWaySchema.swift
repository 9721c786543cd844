/// The tables of two-way messaging (migration `two-way-v1`): SMPP access of accounts, assigned numbers,
/// inbound messages, opt-outs and the customer SMPP outbox.
enum PostgresTwoWaySchema {
    static let migration = PostgresMigration(identifier: "two-way-v1", statements: [
        """
        CREATE TABLE smpp_accounts (
            account_id TEXT PRIMARY KEY REFERENCES accounts(id),
            system_id TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            max_binds BIGINT NOT NULL,
            allowed_networks TEXT NOT NULL,
            window_size BIGINT NOT NULL,
            tps DOUBLE PRECISION NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            CONSTRAINT smpp_accounts_system_id_unique UNIQUE (system_id)
        )
        """,
        """
        CREATE TABLE assigned_numbers (
            number_key TEXT PRIMARY KEY,
            number TEXT NOT NULL,
            account_id TEXT NOT NULL REFERENCES accounts(id),
            assigned_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX assigned_numbers_by_account ON assigned_numbers(account_id, number)",
        """
        CREATE TABLE inbound_messages (
            id TEXT PRIMARY KEY,
            account_id TEXT NOT NULL,
            from_number TEXT NOT NULL,
            to_number TEXT NOT NULL,
            to_key TEXT NOT NULL,
            body TEXT,
            body_policy TEXT NOT NULL,
            keyword_action TEXT,
            keyword TEXT,
            link_id TEXT NOT NULL,
            received_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX inbound_messages_by_account ON inbound_messages(account_id, id)",
        "CREATE INDEX inbound_messages_retained_bodies ON inbound_messages(received_at) WHERE body_policy = 'retained'",
        """
        CREATE TABLE opt_outs (
            account_id TEXT NOT NULL,
            number TEXT NOT NULL,
            keyword TEXT NOT NULL,
            opted_out_at BIGINT NOT NULL,
            inbound_id TEXT,
            PRIMARY KEY (account_id, number)
        )
        """,
        """
        CREATE TABLE smpp_deliveries (
            id TEXT PRIMARY KEY,
            account_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            content TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            status TEXT NOT NULL,
            attempts BIGINT NOT NULL,
            next_attempt_at BIGINT NOT NULL,
            last_error TEXT,
            lease_owner TEXT,
            lease_until BIGINT
        )
        """,
        "CREATE INDEX smpp_deliveries_due ON smpp_deliveries(status, account_id, next_attempt_at)",
        "CREATE INDEX smpp_deliveries_by_age ON smpp_deliveries(status, created_at)",
        "CREATE INDEX smpp_deliveries_by_account ON smpp_deliveries(account_id, id)",
    ])
}
