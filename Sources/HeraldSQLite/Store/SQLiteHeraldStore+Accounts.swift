import GRDB
import HeraldCore

extension SQLiteHeraldStore {
    public func insertAccount(_ account: Account, apiKeys: [APIKey], audit: [AuditEvent]) async throws {
        try await write("inserting account \(account.id)") { db in
            try db.cachedStatement(sql: AccountTable.insert).execute(arguments: AccountTable.insertArguments(account))
            let insertKey = try db.cachedStatement(sql: APIKeyTable.insert)
            for key in apiKeys { try insertKey.execute(arguments: APIKeyTable.arguments(key)) }
            try self.auditAppender.append(audit, in: db)
        }
    }

    public func account(_ id: AccountID) async throws -> Account? {
        try await read("reading account \(id)") { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(AccountTable.columns) FROM accounts WHERE id = ?"), arguments: [id.rawValue])
                .map(AccountTable.decode)
        }
    }

    public func accounts() async throws -> [Account] {
        try await read("listing accounts") { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT \(AccountTable.columns) FROM accounts ORDER BY created_at, id"))
                .map(AccountTable.decode)
        }
    }

    /// Updates everything but the id and creation time. Throws `not_found` (and records nothing) for an unknown account.
    public func updateAccount(_ account: Account, audit: [AuditEvent]) async throws {
        try await write("updating account \(account.id)") { db in
            try db.cachedStatement(sql: AccountTable.update).execute(arguments: AccountTable.updateArguments(account))
            guard db.changesCount == 1 else { throw HeraldError.notFound("account \(account.id)") }
            try self.auditAppender.append(audit, in: db)
        }
    }

    public func apiKey(_ id: APIKeyID) async throws -> APIKey? {
        try await read("reading API key \(id)") { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(APIKeyTable.columns) FROM api_keys WHERE id = ?"), arguments: [id.rawValue])
                .map(APIKeyTable.decode)
        }
    }

    public func apiKeys(accountID: AccountID) async throws -> [APIKey] {
        try await read("listing API keys of \(accountID)") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT \(APIKeyTable.columns) FROM api_keys WHERE account_id = ? ORDER BY id"),
                arguments: [accountID.rawValue]
            ).map(APIKeyTable.decode)
        }
    }

    /// Throws `storage_conflict` when the account does not exist.
    public func insertAPIKey(_ key: APIKey, audit: [AuditEvent]) async throws {
        try await write("inserting API key \(key.id)") { db in
            try db.cachedStatement(sql: APIKeyTable.insert).execute(arguments: APIKeyTable.arguments(key))
            try self.auditAppender.append(audit, in: db)
        }
    }

    /// Revoking an already revoked key succeeds and keeps the first revocation time.
    public func revokeAPIKey(_ id: APIKeyID, accountID: AccountID, at time: Timestamp, audit: [AuditEvent]) async throws -> Bool {
        try await write("revoking API key \(id)") { db in
            try db.cachedStatement(sql: "UPDATE api_keys SET revoked_at = coalesce(revoked_at, ?) WHERE id = ? AND account_id = ?")
                .execute(arguments: [time.millisecondsSince1970, id.rawValue, accountID.rawValue])
            guard db.changesCount == 1 else { return false }
            try self.auditAppender.append(audit, in: db)
            return true
        }
    }

    public func appendAudit(_ events: [AuditEvent]) async throws {
        guard !events.isEmpty else { return }
        try await write("appending audit events") { db in try self.auditAppender.append(events, in: db) }
    }
}
