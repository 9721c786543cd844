import GRDB

/// The versioned schema of the SQLite store. Timestamps are INTEGER milliseconds since the Unix epoch;
/// structured values without their own columns (status history, audit events, lookup keys) are JSON text.
///
/// Never edit a registered migration: add a new one.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-initial", migrate: createInitialSchema)
        migrator.registerMigration(SQLiteRouteSchema.migrationIdentifier, migrate: SQLiteRouteSchema.createRouteTables)
        migrator.registerMigration(SQLiteVerificationSchema.migrationIdentifier, migrate: SQLiteVerificationSchema.create)
        migrator.registerMigration(SQLiteTwoWaySchema.migrationIdentifier, migrate: SQLiteTwoWaySchema.create)
        migrator.registerMigration(SQLiteAdministrationSchema.migrationIdentifier, migrate: SQLiteAdministrationSchema.create)
        migrator.registerMigration(SQLiteAuditLogSchema.migrationIdentifier, migrate: SQLiteAuditLogSchema.create)
        migrator.registerMigration(SQLiteDisclosureSchema.migrationIdentifier, migrate: SQLiteDisclosureSchema.create)
        migrator.registerMigration(SQLiteClusterSchema.migrationIdentifier, migrate: SQLiteClusterSchema.create)
        return migrator
    }

    @Sendable
    static func createInitialSchema(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE accounts (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                status TEXT NOT NULL,
                webhook_secret TEXT NOT NULL,
                webhook_url TEXT,
                limits TEXT NOT NULL,
                country_permissions TEXT NOT NULL,
                created_at INTEGER NOT NULL
            );

            CREATE TABLE api_keys (
                id TEXT PRIMARY KEY NOT NULL,
                account_id TEXT NOT NULL REFERENCES accounts(id),
                name TEXT NOT NULL,
                secret_hash TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                revoked_at INTEGER
            );
            CREATE INDEX api_keys_by_account ON api_keys(account_id, id);

            CREATE TABLE messages (
                id TEXT PRIMARY KEY NOT NULL,
                account_id TEXT NOT NULL,
                to_number TEXT NOT NULL,
                sender TEXT NOT NULL,
                body TEXT,
                body_policy TEXT NOT NULL,
                status TEXT NOT NULL,
                client_reference TEXT,
                callback_url TEXT,
                valid_until INTEGER NOT NULL,
                send_at INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                region_code TEXT NOT NULL,
                country_calling_code INTEGER NOT NULL,
                mcc TEXT,
                mnc TEXT,
                number_type TEXT,
                encoding TEXT NOT NULL,
                part_count INTEGER NOT NULL,
                channel TEXT NOT NULL,
                verification_id TEXT,
                link_id TEXT,
                concatenation_reference INTEGER NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at INTEGER NOT NULL,
                error_code TEXT,
                error_description TEXT,
                history TEXT NOT NULL,
                origin_node TEXT NOT NULL,
                version INTEGER NOT NULL,
                lease_owner TEXT,
                lease_until INTEGER
            );
            -- Listing an account's messages newest first, cursor on id.
            CREATE INDEX messages_by_account ON messages(account_id, id);
            -- Claiming due work (also serves counts by status). The lease end rides along so that rows leased to
            -- in-flight submissions, which stay at the front of the queue, are skipped without reading the row.
            CREATE INDEX messages_due ON messages(status, next_attempt_at, lease_until);
            -- Expiry of messages whose validity passed.
            CREATE INDEX messages_validity ON messages(status, valid_until);
            -- Retention: only retained bodies are indexed, so the index shrinks as bodies are erased.
            CREATE INDEX messages_retained_bodies ON messages(created_at) WHERE body_policy = 'retained';

            CREATE TABLE message_parts (
                message_id TEXT NOT NULL REFERENCES messages(id),
                sequence INTEGER NOT NULL,
                link_id TEXT NOT NULL,
                carrier_message_id TEXT NOT NULL,
                lookup_key TEXT NOT NULL,
                state TEXT NOT NULL,
                submitted_at INTEGER NOT NULL,
                final_at INTEGER,
                error_code TEXT,
                PRIMARY KEY (message_id, sequence)
            ) WITHOUT ROWID;
            -- Matching receipts; the primary key columns ride along, so the match is index-only.
            CREATE INDEX message_parts_by_carrier_id ON message_parts(link_id, lookup_key);

            CREATE TABLE idempotency_records (
                account_id TEXT NOT NULL,
                key TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                response_status INTEGER NOT NULL,
                response_body TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                UNIQUE (account_id, key)
            );
            CREATE INDEX idempotency_records_by_expiry ON idempotency_records(expires_at);

            CREATE TABLE pending_receipts (
                id INTEGER PRIMARY KEY,
                link_id TEXT NOT NULL,
                carrier_message_id TEXT NOT NULL,
                lookup_keys TEXT NOT NULL,
                state TEXT NOT NULL,
                error_code TEXT,
                done_at INTEGER,
                received_at INTEGER NOT NULL,
                -- A receipt is parked once, however often it is retried or retransmitted.
                UNIQUE (link_id, carrier_message_id, state)
            );
            CREATE INDEX pending_receipts_by_age ON pending_receipts(received_at, id);

            CREATE TABLE webhook_deliveries (
                id TEXT PRIMARY KEY NOT NULL,
                account_id TEXT NOT NULL,
                url TEXT NOT NULL,
                event_type TEXT NOT NULL,
                payload TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at INTEGER NOT NULL,
                last_status_code INTEGER,
                last_error TEXT,
                lease_owner TEXT,
                lease_until INTEGER
            );
            CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at);
            CREATE INDEX webhook_deliveries_by_account ON webhook_deliveries(account_id, id);

            -- Written in the same transaction as the change each event records; read in sequence order by the
            -- tamper-evident audit log. AUTOINCREMENT: a sequence number is never reused.
            CREATE TABLE audit_events (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                at INTEGER NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                event TEXT NOT NULL
            );
            """)
    }
}
