/// The versioned schema of the PostgreSQL store, mirroring the SQLite store's tables. Timestamps are BIGINT
/// milliseconds since the Unix epoch; structured values without their own columns (status history, audit
/// events, lookup keys) are JSON text, byte-compatible with what the SQLite store writes.
///
/// Never edit a registered migration: add a new one (see ``PostgresMigrator``).
enum PostgresSchema {
    static let migrations: [PostgresMigration] = [
        PostgresMigration(identifier: "v1-initial", statements: initial),
        PostgresRouteSchema.migration,
        PostgresVerificationSchema.migration,
        PostgresTwoWaySchema.migration,
        PostgresAdministrationSchema.migration,
        PostgresAuditLogSchema.migration,
        PostgresDisclosureSchema.migration,
        PostgresClusterSchema.migration,
    ]

    static let initial = [
        """
        CREATE TABLE accounts (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            status TEXT NOT NULL,
            webhook_secret TEXT NOT NULL,
            webhook_url TEXT,
            limits TEXT NOT NULL,
            country_permissions TEXT NOT NULL,
            created_at BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE api_keys (
            id TEXT PRIMARY KEY,
            account_id TEXT NOT NULL REFERENCES accounts(id),
            name TEXT NOT NULL,
            secret_hash TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            revoked_at BIGINT
        )
        """,
        "CREATE INDEX api_keys_by_account ON api_keys(account_id, id)",
        """
        CREATE TABLE messages (
            id TEXT PRIMARY KEY,
            account_id TEXT NOT NULL,
            to_number TEXT NOT NULL,
            sender TEXT NOT NULL,
            body TEXT,
            body_policy TEXT NOT NULL,
            status TEXT NOT NULL,
            client_reference TEXT,
            callback_url TEXT,
            valid_until BIGINT NOT NULL,
            send_at BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            region_code TEXT NOT NULL,
            country_calling_code BIGINT NOT NULL,
            mcc TEXT,
            mnc TEXT,
            number_type TEXT,
            encoding TEXT NOT NULL,
            part_count BIGINT NOT NULL,
            channel TEXT NOT NULL,
            verification_id TEXT,
            link_id TEXT,
            concatenation_reference BIGINT NOT NULL,
            attempts BIGINT NOT NULL,
            next_attempt_at BIGINT NOT NULL,
            error_code TEXT,
            error_description TEXT,
            history TEXT NOT NULL,
            origin_node TEXT NOT NULL,
            version BIGINT NOT NULL,
            lease_owner TEXT,
            lease_until BIGINT,
            receipt_request TEXT
        )
        """,
        // Listing an account's messages newest first, cursor on id.
        "CREATE INDEX messages_by_account ON messages(account_id, id)",
        // Claiming due work (also serves counts by status); only claimable rows are indexed.
        "CREATE INDEX messages_due ON messages(next_attempt_at) WHERE status IN ('accepted', 'queued')",
        "CREATE INDEX messages_by_status ON messages(status)",
        // Expiry of messages whose validity passed.
        "CREATE INDEX messages_validity ON messages(status, valid_until)",
        // Retention: only retained bodies are indexed, so the index shrinks as bodies are erased.
        "CREATE INDEX messages_retained_bodies ON messages(created_at) WHERE body_policy = 'retained'",
        """
        CREATE TABLE message_parts (
            message_id TEXT NOT NULL REFERENCES messages(id),
            sequence BIGINT NOT NULL,
            link_id TEXT NOT NULL,
            carrier_message_id TEXT NOT NULL,
            lookup_key TEXT NOT NULL,
            state TEXT NOT NULL,
            submitted_at BIGINT NOT NULL,
            final_at BIGINT,
            error_code TEXT,
            PRIMARY KEY (message_id, sequence)
        )
        """,
        // Matching receipts.
        "CREATE INDEX message_parts_by_carrier_id ON message_parts(link_id, lookup_key)",
        """
        CREATE TABLE idempotency_records (
            account_id TEXT NOT NULL,
            key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            response_status BIGINT NOT NULL,
            response_body TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL,
            PRIMARY KEY (account_id, key)
        )
        """,
        "CREATE INDEX idempotency_records_by_expiry ON idempotency_records(expires_at)",
        """
        CREATE TABLE pending_receipts (
            id BIGSERIAL PRIMARY KEY,
            link_id TEXT NOT NULL,
            carrier_message_id TEXT NOT NULL,
            lookup_keys TEXT NOT NULL,
            state TEXT NOT NULL,
            error_code TEXT,
            done_at BIGINT,
            received_at BIGINT NOT NULL,
            -- A receipt is parked once, however often it is retried or retransmitted.
            UNIQUE (link_id, carrier_message_id, state)
        )
        """,
        "CREATE INDEX pending_receipts_by_age ON pending_receipts(received_at, id)",
        """
        CREATE TABLE webhook_deliveries (
            id TEXT PRIMARY KEY,
            account_id TEXT NOT NULL,
            url TEXT NOT NULL,
            event_type TEXT NOT NULL,
            payload TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            status TEXT NOT NULL,
            attempts BIGINT NOT NULL,
            next_attempt_at BIGINT NOT NULL,
            last_status_code BIGINT,
            last_error TEXT,
            lease_owner TEXT,
            lease_until BIGINT
        )
        """,
        "CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at)",
        "CREATE INDEX webhook_deliveries_by_account ON webhook_deliveries(account_id, id)",
        // The queue of audit events not sealed yet (a store opened without a sealer); never reuses a sequence.
        """
        CREATE TABLE audit_events (
            sequence BIGSERIAL PRIMARY KEY,
            at BIGINT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            event TEXT NOT NULL
        )
        """,
    ]
}
