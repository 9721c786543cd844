import HeraldCore

extension PostgresHeraldStore {
    public func insertAccount(_ account: Account, apiKeys: [APIKey], audit: [AuditEvent]) async throws {
        try await write("inserting account \(account.id)") { tx in
            try await tx.execute(AccountTable.insert, try AccountTable.insertArguments(account))
            for key in apiKeys { try await tx.execute(APIKeyTable.insert, APIKeyTable.arguments(key)) }
            try await self.auditAppender.append(audit, in: tx)
        }
    }

    public func account(_ id: AccountID) async throws -> Account? {
        try await read("reading account \(id)") { tx in
            try await tx.row("SELECT \(AccountTable.columns) FROM accounts WHERE id = ?", [id.rawValue]).map(AccountTable.decode)
        }
    }

    public func accounts() async throws -> [Account] {
        try await read("listing accounts") { tx in
            try await tx.rows("SELECT \(AccountTable.columns) FROM accounts ORDER BY created_at, id").map(AccountTable.decode)
        }
    }

    /// Updates everything but the id and creation time. Throws `not_found` (and records nothing) for an unknown account.
    public func updateAccount(_ account: Account, audit: [AuditEvent]) async throws {
        try await write("updating account \(account.id)") { tx in
            guard try await tx.changes(AccountTable.update, try AccountTable.updateArguments(account)) == 1 else {
                throw HeraldError.notFound("account \(account.id)")
            }
            try await self.auditAppender.append(audit, in: tx)
        }
    }

    public func apiKey(_ id: APIKeyID) async throws -> APIKey? {
        try await read("reading API key \(id)") { tx in
            try await tx.row("SELECT \(APIKeyTable.columns) FROM api_keys WHERE id = ?", [id.rawValue]).map(APIKeyTable.decode)
        }
    }

    public func apiKeys(accountID: AccountID) async throws -> [APIKey] {
        try await read("listing API keys of \(accountID)") { tx in
            try await tx.rows("SELECT \(APIKeyTable.columns) FROM api_keys WHERE account_id = ? ORDER BY id", [accountID.rawValue]).map(APIKeyTable.decode)
        }
    }

    /// Throws `storage_conflict` when the account does not exist.
    public func insertAPIKey(_ key: APIKey, audit: [AuditEvent]) async throws {
        try await write("inserting API key \(key.id)") { tx in
            try await tx.execute(APIKeyTable.insert, APIKeyTable.arguments(key))
            try await self.auditAppender.append(audit, in: tx)
        }
    }

    /// Revoking an already revoked key succeeds and keeps the first revocation time.
    public func revokeAPIKey(_ id: APIKeyID, accountID: AccountID, at time: Timestamp, audit: [AuditEvent]) async throws -> Bool {
        try await write("revoking API key \(id)") { tx in
            let changed = try await tx.changes(
                "UPDATE api_keys SET revoked_at = coalesce(revoked_at, ?) WHERE id = ? AND account_id = ?",
                [time.millisecondsSince1970, id.rawValue, accountID.rawValue])
            guard changed == 1 else { return false }
            try await self.auditAppender.append(audit, in: tx)
            return true
        }
    }

    public func appendAudit(_ events: [AuditEvent]) async throws {
        guard !events.isEmpty else { return }
        try await write("appending audit events") { tx in try await self.auditAppender.append(events, in: tx) }
    }
}
