/// Creates accounts and issues and revokes their API keys; authenticates presented keys.
public struct AccountService: Sendable {
    public let store: any AccountStore
    public let clock: any HeraldClock
    public let random: any RandomSource
    /// The limits of accounts created without explicit ones.
    public let defaultLimits: AccountLimits

    public init(store: any AccountStore, clock: any HeraldClock, random: any RandomSource, defaultLimits: AccountLimits = AccountLimits()) {
        self.store = store
        self.clock = clock
        self.random = random
        self.defaultLimits = defaultLimits
    }

    /// A new account and its first API key (whose full text is only available here).
    public struct Creation: Sendable {
        public var account: Account
        public var apiKey: APIKey
        public var credential: APIKeyCredential
    }

    public func createAccount(name: String, webhookURL: String? = nil, limits: AccountLimits? = nil, actor: AuditActor) async throws -> Creation {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(trimmed.count) else { throw HeraldError.invalid("invalid_name", "an account name must have 1 to 100 characters", field: "name") }
        let now = clock.now()
        let account = Account(
            id: AccountID.generate(at: now, random: random), name: trimmed,
            webhookSecret: "whsec_" + SecretHashing.randomToken(byteCount: 24, random: random), webhookURL: webhookURL, limits: limits ?? defaultLimits,
            createdAt: now)
        let (key, credential) = newKey(for: account.id, name: "default", at: now)
        try await store.insertAccount(account, apiKeys: [key], audit: [
            AuditEvent(at: now, actor: actor, action: "account.create", target: account.id.rawValue, details: ["name": trimmed]),
            AuditEvent(at: now, actor: actor, action: "api_key.issue", target: key.id.rawValue, details: ["account": account.id.rawValue]),
        ])
        return Creation(account: account, apiKey: key, credential: credential)
    }

    public func issueKey(accountID: AccountID, name: String, actor: AuditActor) async throws -> (APIKey, APIKeyCredential) {
        guard try await store.account(accountID) != nil else { throw HeraldError.notFound("account \(accountID)") }
        let now = clock.now()
        let (key, credential) = newKey(for: accountID, name: name, at: now)
        try await store.insertAPIKey(key, audit: [
            AuditEvent(at: now, actor: actor, action: "api_key.issue", target: key.id.rawValue, details: ["account": accountID.rawValue, "name": name]),
        ])
        return (key, credential)
    }

    public func revokeKey(_ id: APIKeyID, accountID: AccountID, actor: AuditActor) async throws {
        let now = clock.now()
        let revoked = try await store.revokeAPIKey(id, accountID: accountID, at: now, audit: [
            AuditEvent(at: now, actor: actor, action: "api_key.revoke", target: id.rawValue, details: ["account": accountID.rawValue]),
        ])
        guard revoked else { throw HeraldError.notFound("API key \(id)") }
    }

    /// Sets (or clears, with `nil`) the account's default webhook URL; audited.
    public func setWebhookURL(_ url: String?, accountID: AccountID, actor: AuditActor) async throws -> Account {
        if let url, !WebhookURLValidation.isAcceptable(url) {
            throw HeraldError.invalid(
                "invalid_webhook_url", "'webhook_url' must be an http or https URL of at most \(WebhookURLValidation.defaultMaximumLength) characters, or null",
                field: "webhook_url")
        }
        guard var account = try await store.account(accountID) else { throw HeraldError.notFound("account \(accountID)") }
        account.webhookURL = url
        try await store.updateAccount(account, audit: [
            AuditEvent(at: clock.now(), actor: actor, action: "account.set_webhook_url", target: accountID.rawValue, details: ["webhook_url": url ?? ""]),
        ])
        return account
    }

    /// The account a presented API key belongs to; throws `unauthenticated` for unknown, malformed or
    /// revoked keys (one error for all, so a caller learns nothing about which).
    public func authenticate(presentedKey text: String) async throws -> Account {
        let failure = Self.authenticationFailure
        guard let credential = APIKeyCredential(text: text), let key = try await store.apiKey(credential.keyID),
              key.revokedAt == nil, credential.matches(key),
              let account = try await store.account(key.accountID) else { throw failure }
        return account
    }

    /// The one error for every failed authentication, also thrown by adapters when no key was presented.
    public static let authenticationFailure = HeraldError(.unauthenticated, code: "invalid_api_key", "the API key is missing, malformed, unknown or revoked")

    private func newKey(for accountID: AccountID, name: String, at time: Timestamp) -> (APIKey, APIKeyCredential) {
        let credential = APIKeyCredential.issue(at: time, random: random)
        let key = APIKey(id: credential.keyID, accountID: accountID, name: name, secretHash: credential.hash, createdAt: time)
        return (key, credential)
    }
}

import Foundation
