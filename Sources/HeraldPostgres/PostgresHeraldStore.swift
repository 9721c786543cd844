import Foundation
import HeraldCore
import Logging
import PostgresNIO

/// Herald's shared storage: every store port (``HeraldStore`` and the rest of the gateway's) over one
/// PostgreSQL database, so several nodes can run against it at once.
///
/// Every port method is one transaction on a pooled connection (PostgresNIO's `PostgresClient`); audit events
/// and webhooks are written in the transaction of the change they belong to. Audit events are sealed into the
/// tamper-evident audit log by the injected ``AuditSealer`` inside that transaction, with the log head locked
/// `FOR UPDATE` (see ``PostgresAuditAppender``), so appends from all nodes form one hash chain. Work is claimed
/// with `FOR UPDATE SKIP LOCKED`, so no two nodes lease the same message. Call ``migrate()`` once after
/// opening (it is safe on every start, also on several nodes at once).
///
/// ```swift
/// let configuration = try PostgresStoreConfiguration(url: "postgres://herald:secret@127.0.0.1:5432/herald")
/// let store = PostgresHeraldStore(configuration: configuration, auditSealer: try MerkleAuditSealer(identity: identity))
/// try await store.migrate()
/// let due = try await store.claimDueMessages(now: clock.now(), limit: 100, owner: "node-1", leaseUntil: clock.now().adding(seconds: 60))
/// try await store.close()
/// ```
public final class PostgresHeraldStore: HeraldStore {
    /// The settings the store was opened with.
    public let configuration: PostgresStoreConfiguration
    let client: PostgresClient
    let logger: Logger
    /// Writes audit events (sealed when the store has a sealer) in the caller's transaction.
    let auditAppender: PostgresAuditAppender
    private let runner: Task<Void, Never>

    /// Sets up the connection pool; nothing is connected until the first operation (``migrate()``), which
    /// reports an unreachable server or bad credentials.
    ///
    /// - Parameter auditSealer: seals every audit event into the audit log in the transaction of its change;
    ///   `nil` queues events unsealed (for tools and tests; `herald serve` always passes one).
    public init(configuration: PostgresStoreConfiguration, logger: Logger = Logger(label: "herald.postgres"), auditSealer: (any AuditSealer)? = nil) {
        self.configuration = configuration
        self.logger = logger
        self.auditAppender = PostgresAuditAppender(sealer: auditSealer)
        var client = PostgresClient.Configuration(
            host: configuration.host, port: configuration.port, username: configuration.username, password: configuration.password,
            database: configuration.database, tls: Self.tls(configuration.tls))
        client.options.maximumConnections = max(1, configuration.poolSize)
        client.options.connectTimeout = configuration.connectTimeout
        client.options.additionalStartupParameters = [("application_name", "herald")]
        if let schema = configuration.schema {
            client.options.additionalStartupParameters.append(("search_path", schema))
        }
        var background = logger
        background.logLevel = max(logger.logLevel, .warning)
        let postgres = PostgresClient(configuration: client, backgroundLogger: background)
        self.client = postgres
        self.runner = Task { await postgres.run() }
    }

    /// Opens the store named by a `postgres://` URL (see ``PostgresStoreConfiguration/init(url:)``).
    public convenience init(url: String, poolSize: Int = PostgresStoreConfiguration.defaultPoolSize, logger: Logger = Logger(label: "herald.postgres"), auditSealer: (any AuditSealer)? = nil) throws {
        var configuration = try PostgresStoreConfiguration(url: url)
        configuration.poolSize = poolSize
        self.init(configuration: configuration, logger: logger, auditSealer: auditSealer)
    }

    // MARK: HeraldStore

    /// Creates the schema (when the configuration names one) and applies missing migrations under an advisory
    /// lock, then seals audit events queued by stores without a sealer.
    public func migrate() async throws {
        let schema = configuration.schema
        if let schema, !Self.isPlainIdentifier(schema) {
            throw HeraldError(.invalidInput, code: "invalid_database_schema", "the PostgreSQL schema name '\(schema)' must be lower-case letters, digits and _")
        }
        try await checkConnection()
        let now = Timestamp(Date())
        let result = try await write("migrating the schema of \(configuration.redactedDescription)") { tx in
            if let schema {
                // Created under the migration lock, so nodes starting at once do not race on it.
                try await tx.execute("SELECT pg_advisory_xact_lock(1212498244, hashtext(?))", [schema])
                try await tx.execute("CREATE SCHEMA IF NOT EXISTS \(schema)")
            }
            return try await PostgresMigrator.migrate(tx, at: now)
        }
        if !result.applied.isEmpty {
            logger.info("database schema migrated", metadata: ["database": "\(configuration.redactedDescription)", "applied": "\(result.applied)"])
        }
        if !result.unknown.isEmpty {
            logger.notice("the database has schema migrations this version does not know (a newer node migrated it)", metadata: ["unknown": "\(result.unknown)"])
        }
        try await sealQueuedAuditEvents()
    }

    /// Opens and closes one connection outside the pool, so an unreachable server, a refused login or a missing
    /// database fails `migrate()` with PostgreSQL's reason (the pool would keep retrying in the background).
    func checkConnection() async throws {
        let description = configuration.redactedDescription
        do {
            let tls: PostgresConnection.Configuration.TLS
            switch configuration.tls {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
            var options = PostgresConnection.Configuration(
                host: configuration.host, port: configuration.port, username: configuration.username, password: configuration.password,
                database: configuration.database, tls: tls)
            let (seconds, attoseconds) = configuration.connectTimeout.components
            options.options.connectTimeout = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
            let connection = try await PostgresConnection.connect(configuration: options, id: 0, logger: logger)
            try? await connection.close()
        } catch {
            let reason: String
            if let error = error as? PSQLError {
                if let message = error.serverInfo?[.message] {
                    reason = "PostgreSQL says: \(message)"
                } else if let underlying = error.underlying {
                    reason = "\(underlying)"
                } else {
                    reason = "\(error.code)"
                }
            } else {
                reason = "\(error)"
            }
            throw HeraldError(.unavailable, code: PostgresStoreError.failureCode, "cannot connect to \(description): \(reason)")
        }
    }

    /// Seals audit events queued by a store without a sealer into the audit log, oldest first.
    func sealQueuedAuditEvents() async throws {
        guard auditAppender.sealer != nil else { return }
        let appender = auditAppender
        var total = 0
        while true {
            let sealed = try await write("sealing queued audit events") { tx in try await appender.sealQueued(in: tx) }
            total += sealed
            if sealed < PostgresAuditAppender.backfillBatch { break }
        }
        if total > 0 { logger.notice("sealed queued audit events into the audit log", metadata: ["count": "\(total)"]) }
    }

    /// Closes the pool's connections; the store cannot be used afterwards.
    public func close() async throws {
        runner.cancel()
        await runner.value
    }

    // MARK: Audit events

    /// Audit events in the order they were recorded, after position `sequence`, at most `limit`: first the
    /// sealed log's entries (entry *i* has sequence *i* + 1), then events still queued unsealed.
    public func auditEvents(after sequence: Int64 = 0, limit: Int = 1000) async throws -> [PostgresStoredAuditEvent] {
        guard limit > 0 else { return [] }
        return try await read("reading audit events") { tx in
            let size = Int64(try await AuditLogHeadTable.read(tx, lock: false).size)
            var events: [PostgresStoredAuditEvent] = []
            let after = max(0, sequence)
            if after < size {
                let records = try await AuditLogEntryTable.records(from: UInt64(after), limit: limit, includingSealedValues: true, in: tx)
                events = try records.map { PostgresStoredAuditEvent(sequence: Int64($0.index) + 1, event: try $0.event()) }
            }
            let remaining = limit - events.count
            if remaining > 0 {
                let offset = max(0, after - size)
                let queued = try await tx.rows(AuditEventTable.selectQueued, [remaining, offset]).map(AuditEventTable.decode)
                events += queued.enumerated().map { PostgresStoredAuditEvent(sequence: size + offset + Int64($0.offset) + 1, event: $0.element) }
            }
            return events
        }
    }

    // MARK: Helpers

    /// Runs `body` in one read-committed write transaction, translating database errors.
    func write<T: Sendable>(_ operation: String, _ body: (PostgresTransaction) async throws -> T) async throws -> T {
        try await transaction(operation, begin: "BEGIN", body)
    }

    /// Runs `body` in a read-only transaction on one snapshot (repeatable read), translating errors.
    func read<T: Sendable>(_ operation: String, _ body: (PostgresTransaction) async throws -> T) async throws -> T {
        try await transaction(operation, begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// Runs `body` on a pooled connection without an explicit transaction (each statement commits on its own),
    /// translating errors: for single statements on the hot path, saving the BEGIN and COMMIT round trips.
    func autocommit<T: Sendable>(_ operation: String, _ body: (PostgresTransaction) async throws -> T) async throws -> T {
        let logger = self.logger
        do {
            return try await client.withConnection { connection in
                try await body(PostgresTransaction(connection: connection, logger: logger))
            }
        } catch {
            throw PostgresStoreError.translate(error, operation: operation)
        }
    }

    private func transaction<T: Sendable>(_ operation: String, begin: String, _ body: (PostgresTransaction) async throws -> T) async throws -> T {
        let logger = self.logger
        do {
            return try await client.withConnection { connection in
                let tx = PostgresTransaction(connection: connection, logger: logger)
                try await tx.execute(begin)
                do {
                    let value = try await body(tx)
                    try await tx.execute("COMMIT")
                    return value
                } catch {
                    // A broken connection fails the rollback too; the pool then drops it.
                    try? await tx.execute("ROLLBACK")
                    throw error
                }
            }
        } catch {
            throw PostgresStoreError.translate(error, operation: operation)
        }
    }

    private static func tls(_ mode: PostgresStoreConfiguration.TLSMode) -> PostgresClient.Configuration.TLS {
        switch mode {
        case .disable: return .disable
        case .prefer: return .prefer(.makeClientConfiguration())
        case .require: return .require(.makeClientConfiguration())
        }
    }

    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first), name.count <= 63 else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
