import Foundation
import GRDB
import HeraldCore
import Logging

/// Herald's embedded storage: the ``HeraldStore`` port over one SQLite file in WAL mode (GRDB `DatabasePool`:
/// one writer, concurrent readers).
///
/// Every port method is one transaction; audit events and webhooks are written in the transaction of the change
/// they belong to. Audit events are sealed into the tamper-evident audit log by the injected ``AuditSealer``
/// (see ``AuditAppender``); without one they are queued unsealed until a store with a sealer is migrated.
/// Call ``migrate()`` once after opening (it is safe on every start).
///
/// ```swift
/// let store = try SQLiteHeraldStore(path: "herald-data/herald.sqlite", auditSealer: try MerkleAuditSealer(identity: identity))
/// try await store.migrate()
/// let due = try await store.claimDueMessages(now: clock.now(), limit: 100, owner: "node-1", leaseUntil: clock.now().adding(seconds: 60))
/// try await store.close()
/// ```
///
/// Several processes may open the same file (SQLite locks serialise their writes), but one node per file is
/// the intended deployment; multi-node setups use the PostgreSQL store.
public final class SQLiteHeraldStore: HeraldStore {
    /// The database file.
    public let path: String
    /// The settings the store was opened with.
    public let configuration: SQLiteStoreConfiguration
    let pool: DatabasePool
    let logger: Logger
    /// Message insertions, committed in groups.
    let inserts: GroupCommit<InsertRequest, InsertOutcome>
    /// Writes audit events (sealed when the store has a sealer) in the caller's transaction.
    let auditAppender: AuditAppender

    /// Opens (creating if needed) the database at `path`, and its parent directory.
    ///
    /// - Parameter auditSealer: seals every audit event into the audit log in the transaction of its change;
    ///   `nil` queues events unsealed (for tools and tests; `herald serve` always passes one).
    /// - Throws: ``HeraldError`` `storage_failure` when the file cannot be opened.
    public init(
        path: String, configuration: SQLiteStoreConfiguration = SQLiteStoreConfiguration(), logger: Logger = Logger(label: "herald.sqlite"),
        auditSealer: (any AuditSealer)? = nil
    ) throws {
        self.path = path
        self.configuration = configuration
        self.logger = logger
        let appender = AuditAppender(sealer: auditSealer)
        self.auditAppender = appender
        var grdb = Configuration()
        grdb.label = "herald"
        grdb.maximumReaderCount = max(1, configuration.maximumReaderCount)
        grdb.busyMode = .timeout(Self.seconds(configuration.busyTimeout))
        grdb.foreignKeysEnabled = true
        let cacheSize = configuration.cacheSizeKiB
        grdb.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -\(max(64, cacheSize))")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            pool = try DatabasePool(path: path, configuration: grdb)
            // GRDB sets `synchronous = NORMAL` on the writer after `prepareDatabase` runs when it enables WAL, so
            // the configured durability is applied here, on the one writer connection, once the pool is open.
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = \(configuration.synchronous.rawValue)")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(max(1, configuration.walAutocheckpointPages))")
                // After a checkpoint, shrink a WAL that grew during a burst back to 64 MiB.
                try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
            }
        } catch {
            throw SQLiteStoreError.translate(error, operation: "opening \(path)", wrappingOthers: true)
        }
        inserts = GroupCommit(pool: pool, maximumBatch: configuration.maximumGroupCommit) { db, request in
            try Self.insert(in: db, request, audit: appender)
        }
    }

    // MARK: HeraldStore

    public func migrate() async throws {
        let migrator = SQLiteSchema.migrator
        let pool = self.pool
        do {
            let applied = try await pool.read { db in try migrator.appliedIdentifiers(db) }
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                migrator.asyncMigrate(pool) { result in continuation.resume(with: result.map { _ in () }) }
            }
            let now = try await pool.read { db in try migrator.appliedIdentifiers(db) }
            let new = now.subtracting(applied)
            if !new.isEmpty { logger.info("database schema migrated", metadata: ["path": "\(path)", "applied": "\(new.sorted())"]) }
        } catch {
            throw SQLiteStoreError.translate(error, operation: "migrating the schema")
        }
        try await sealQueuedAuditEvents()
    }

    /// Seals audit events queued by a store without a sealer (older versions, tools) into the audit log,
    /// oldest first; does nothing without a sealer. Runs as part of ``migrate()``.
    func sealQueuedAuditEvents() async throws {
        guard auditAppender.sealer != nil else { return }
        let appender = auditAppender
        var total = 0
        while true {
            let sealed = try await write("sealing queued audit events") { db in try appender.sealQueued(in: db) }
            total += sealed
            if sealed < AuditAppender.backfillBatch { break }
        }
        if total > 0 { logger.notice("sealed queued audit events into the audit log", metadata: ["count": "\(total)"]) }
    }

    public func close() async throws {
        do {
            try pool.close()
        } catch {
            throw SQLiteStoreError.translate(error, operation: "closing the database")
        }
    }

    // MARK: Audit log

    /// Audit events in the order they were recorded, after position `sequence`, at most `limit`: first the
    /// sealed log's entries (entry *i* has sequence *i* + 1), then events still queued unsealed.
    public func auditEvents(after sequence: Int64 = 0, limit: Int = 1000) async throws -> [StoredAuditEvent] {
        guard limit > 0 else { return [] }
        return try await read("reading audit events") { db in
            let size = Int64(try AuditLogHeadTable.read(db).size)
            var events: [StoredAuditEvent] = []
            let after = max(0, sequence)
            if after < size {
                let records = try AuditLogEntryTable.records(from: UInt64(after), limit: limit, includingSealedValues: true, in: db)
                events = try records.map { StoredAuditEvent(sequence: Int64($0.index) + 1, event: try $0.event()) }
            }
            let remaining = limit - events.count
            if remaining > 0 {
                let offset = max(0, after - size)
                let queued = try Row.fetchAll(db.cachedStatement(sql: AuditEventTable.selectQueued), arguments: [remaining, offset]).map(AuditEventTable.decode)
                events += queued.enumerated().map { StoredAuditEvent(sequence: size + offset + Int64($0.offset) + 1, event: $0.element.event) }
            }
            return events
        }
    }

    // MARK: Helpers

    /// Runs `body` in one write transaction (`BEGIN IMMEDIATE`), translating database errors.
    func write<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch {
            throw SQLiteStoreError.translate(error, operation: operation)
        }
    }

    /// Runs `body` in a read transaction on a reader connection (a consistent snapshot), translating errors.
    func read<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw SQLiteStoreError.translate(error, operation: operation)
        }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
