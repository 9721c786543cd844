/// Storage port for accounts and their API keys. Every write takes the audit events that record it,
/// stored in the same transaction.
public protocol AccountStore: Sendable {
    func insertAccount(_ account: Account, apiKeys: [APIKey], audit: [AuditEvent]) async throws
    func account(_ id: AccountID) async throws -> Account?
    func accounts() async throws -> [Account]
    func updateAccount(_ account: Account, audit: [AuditEvent]) async throws
    func apiKey(_ id: APIKeyID) async throws -> APIKey?
    func apiKeys(accountID: AccountID) async throws -> [APIKey]
    func insertAPIKey(_ key: APIKey, audit: [AuditEvent]) async throws
    /// Marks a key revoked; returns `false` when no such key belongs to the account.
    func revokeAPIKey(_ id: APIKeyID, accountID: AccountID, at time: Timestamp, audit: [AuditEvent]) async throws -> Bool
}
