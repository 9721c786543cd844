import HeraldCore

extension PostgresHeraldStore: FraudStore {
    public func insertFraudBlock(_ block: FraudBlock, audit: [AuditEvent]) async throws {
        try await write("inserting fraud block \(block.id)") { tx in
            try await tx.execute(FraudBlockTable.insert, try FraudBlockTable.arguments(block))
            try await self.auditAppender.append(audit, in: tx)
        }
    }

    public func fraudBlocks(createdSince time: Timestamp) async throws -> [FraudBlock] {
        try await read("reading fraud blocks") { tx in
            try await tx.rows("SELECT \(FraudBlockTable.columns) FROM fraud_blocks WHERE created_at >= ? ORDER BY created_at, id", [time.millisecondsSince1970])
                .map(FraudBlockTable.decode)
        }
    }

    public func liftFraudBlock(_ id: FraudBlockID, at time: Timestamp, by actor: String, audit: [AuditEvent]) async throws -> Bool {
        try await write("lifting fraud block \(id)") { tx in
            let changed = try await tx.changes(
                "UPDATE fraud_blocks SET lifted_at = ?, lifted_by = ? WHERE id = ? AND lifted_at IS NULL", [time.millisecondsSince1970, actor, id.rawValue])
            guard changed == 1 else { return false }
            try await self.auditAppender.append(audit, in: tx)
            return true
        }
    }

    public func safeListEntries(accountID: AccountID) async throws -> [SafeListEntry] {
        try await read("reading a safe list") { tx in
            try await tx.rows("SELECT \(SafeListTable.columns) FROM safe_list_entries WHERE account_id = ? ORDER BY seq", [accountID.rawValue])
                .map(SafeListTable.decode)
        }
    }

    public func upsertSafeListEntry(_ entry: SafeListEntry, audit: [AuditEvent]) async throws {
        try await write("adding a safe-list entry") { tx in
            try await tx.execute(SafeListTable.upsert, SafeListTable.arguments(entry))
            try await self.auditAppender.append(audit, in: tx)
        }
    }

    public func deleteSafeListEntry(accountID: AccountID, value: String, audit: [AuditEvent]) async throws -> Bool {
        try await write("removing a safe-list entry") { tx in
            guard try await tx.changes("DELETE FROM safe_list_entries WHERE account_id = ? AND value = ?", [accountID.rawValue, value]) == 1 else {
                return false
            }
            try await self.auditAppender.append(audit, in: tx)
            return true
        }
    }
}
