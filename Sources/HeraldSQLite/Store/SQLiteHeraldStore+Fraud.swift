import GRDB
import HeraldCore

extension SQLiteHeraldStore: FraudStore {
    public func insertFraudBlock(_ block: FraudBlock, audit: [AuditEvent]) async throws {
        try await write("inserting fraud block \(block.id)") { db in
            try db.cachedStatement(sql: FraudBlockTable.insert).execute(arguments: FraudBlockTable.arguments(block))
            try self.auditAppender.append(audit, in: db)
        }
    }

    public func fraudBlocks(createdSince time: Timestamp) async throws -> [FraudBlock] {
        try await read("reading fraud blocks") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT \(FraudBlockTable.columns) FROM fraud_blocks WHERE created_at >= ? ORDER BY created_at, id"),
                arguments: [time.millisecondsSince1970]
            ).map(FraudBlockTable.decode)
        }
    }

    public func liftFraudBlock(_ id: FraudBlockID, at time: Timestamp, by actor: String, audit: [AuditEvent]) async throws -> Bool {
        try await write("lifting fraud block \(id)") { db in
            try db.cachedStatement(sql: "UPDATE fraud_blocks SET lifted_at = ?, lifted_by = ? WHERE id = ? AND lifted_at IS NULL")
                .execute(arguments: [time.millisecondsSince1970, actor, id.rawValue])
            guard db.changesCount == 1 else { return false }
            try self.auditAppender.append(audit, in: db)
            return true
        }
    }

    public func safeListEntries(accountID: AccountID) async throws -> [SafeListEntry] {
        try await read("reading a safe list") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT \(SafeListTable.columns) FROM safe_list_entries WHERE account_id = ? ORDER BY seq"),
                arguments: [accountID.rawValue]
            ).map(SafeListTable.decode)
        }
    }

    public func upsertSafeListEntry(_ entry: SafeListEntry, audit: [AuditEvent]) async throws {
        try await write("adding a safe-list entry") { db in
            try db.cachedStatement(sql: SafeListTable.upsert).execute(arguments: SafeListTable.arguments(entry))
            try self.auditAppender.append(audit, in: db)
        }
    }

    public func deleteSafeListEntry(accountID: AccountID, value: String, audit: [AuditEvent]) async throws -> Bool {
        try await write("removing a safe-list entry") { db in
            try db.cachedStatement(sql: "DELETE FROM safe_list_entries WHERE account_id = ? AND value = ?").execute(arguments: [accountID.rawValue, value])
            guard db.changesCount == 1 else { return false }
            try self.auditAppender.append(audit, in: db)
            return true
        }
    }
}
