import Foundation
import GRDB
import HeraldCore
@testable import HeraldSQLite
import Testing

/// What only the SQLite backend promises: durability settings, WAL, index use, error codes.
@Suite struct SQLiteStoreTests {
    func withStore<T>(_ configuration: SQLiteStoreConfiguration = SQLiteStoreConfiguration(), _ body: (SQLiteHeraldStore) async throws -> T) async throws -> T {
        let backend = try SQLiteBackend.temporary(configuration: configuration)
        do {
            try await backend.sqlite.migrate()
            let result = try await body(backend.sqlite)
            await backend.destroy()
            return result
        } catch {
            await backend.destroy()
            throw error
        }
    }

    @Test(arguments: SQLiteStoreConfiguration.Synchronous.allCases)
    func theConfiguredDurabilityIsWhatTheWriterUses(_ synchronous: SQLiteStoreConfiguration.Synchronous) async throws {
        try await withStore(SQLiteStoreConfiguration(synchronous: synchronous)) { store in
            let (mode, journal) = try await store.pool.writeWithoutTransaction { db in
                (try Int.fetchOne(db, sql: "PRAGMA synchronous"), try String.fetchOne(db, sql: "PRAGMA journal_mode"))
            }
            // SQLite reports FULL as 2 and NORMAL as 1.
            #expect(mode == (synchronous == .full ? 2 : 1))
            #expect(journal == "wal")
        }
    }

    @Test func durabilityDefaultsToFull() {
        #expect(SQLiteStoreConfiguration().synchronous == .full)
    }

    /// Every hot query reaches its table through the intended index (a full scan would grow with the table),
    /// and sorts only where the sorted set is bounded by the query's limit.
    @Test func hotQueriesUseTheirIndexes() async throws {
        try await withStore { store in
            let now: Int64 = 1_767_225_600_000
            let listing = "SELECT id FROM messages WHERE account_id = ? AND id < ? AND +status IN (SELECT value FROM json_each(?)) ORDER BY id DESC LIMIT ?"
            let expiry = "SELECT id FROM messages WHERE status = ? AND valid_until <= ? AND (lease_until IS NULL OR lease_until <= ?) ORDER BY valid_until LIMIT ?"
            let retention = "SELECT id FROM messages WHERE body_policy = 'retained' AND created_at < ? ORDER BY created_at LIMIT ?"
            let plans: [(sql: String, arguments: StatementArguments, index: String, boundedSort: Bool)] = [
                (SQLiteHeraldStore.claimMessages, ["node", now, now, 10], "messages_due", true),
                (SQLiteHeraldStore.claimWebhooks, ["node", now, now, 10], "webhook_deliveries_due", false),
                (SQLiteHeraldStore.matchParts, [#"[{"r":0,"l":"sim","k":"a"}]"#], "message_parts_by_carrier_id", false),
                (SQLiteHeraldStore.selectMessages, [#"["msg_1"]"#], "sqlite_autoindex_messages_1", false),
                (SQLiteHeraldStore.selectParts, [#"["msg_1"]"#], "PRIMARY KEY", true),
                (listing, ["acc", "msg_z", #"["queued"]"#, 10], "messages_by_account", false),
                (expiry, ["queued", now, now, 10], "messages_validity", false),
                (retention, [now, 10], "messages_retained_bodies", false),
            ]
            let tables = ["messages", "message_parts", "webhook_deliveries", "pending_receipts", "idempotency_records"]
            for plan in plans {
                let details = try await store.pool.read { db in
                    try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + plan.sql, arguments: plan.arguments).map { $0["detail"] as String? ?? "" }
                }
                let fullScans = details.filter { detail in tables.contains { detail == "SCAN \($0)" || detail.hasPrefix("SCAN \($0) ") } }
                #expect(fullScans.isEmpty, "full scan in \(plan.sql): \(details)")
                #expect(details.contains { $0.contains(plan.index) }, "\(plan.index) unused by \(plan.sql): \(details)")
                if !plan.boundedSort {
                    #expect(!details.contains { $0.contains("TEMP B-TREE") }, "\(plan.sql) sorts: \(details)")
                }
            }
        }
    }

    @Test func constraintViolationsAreConflicts() async throws {
        try await withStore { store in
            let f = Fixtures()
            let key = f.apiKey(of: f.account())
            do {
                try await store.insertAPIKey(key, audit: [])
                Issue.record("a key for an unknown account was stored")
            } catch let error as HeraldError {
                #expect(error.code == "storage_conflict")
                #expect(error.category == .conflict)
            }
        }
    }

    @Test func anUnusablePathFailsWithAStorageError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("herald-not-a-dir-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: HeraldError.self) { _ = try SQLiteHeraldStore(path: file.appendingPathComponent("herald.sqlite").path) }
    }
}
