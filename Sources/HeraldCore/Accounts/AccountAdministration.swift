import Foundation

/// What operators do to customer accounts beyond creating them and their keys (``AccountService``):
/// suspend and reactivate, set geo permissions, and set limits, where decreases apply at once and raises
/// become proposals for a second operator (two-person rule). Every change is audited.
///
/// ```swift
/// let admin = AccountAdministration(accounts: accountService, proposals: proposalService)
/// let result = try await admin.setLimits(id, to: raised, note: "launch week", by: alice.actor)
/// result.proposal   // non-nil: the raise waits for approval; decreases in `raised` already apply
/// ```
public struct AccountAdministration: Sendable {
    public let accounts: AccountService
    public let proposals: ProposalService

    /// The most countries one permission list may name.
    public static let maximumCountries = 300

    public init(accounts: AccountService, proposals: ProposalService) {
        self.accounts = accounts
        self.proposals = proposals
    }

    /// What ``setLimits(_:to:note:by:)`` did: the account as it now is, and the proposal of the raise, if any.
    public struct LimitsOutcome: Sendable {
        public var account: Account
        public var proposal: Proposal?
    }

    public func account(_ id: AccountID) async throws -> Account {
        guard let account = try await accounts.store.account(id) else { throw HeraldError.notFound("account \(id)") }
        return account
    }

    public func suspend(_ id: AccountID, by actor: AuditActor) async throws -> Account {
        try await setStatus(.suspended, of: id, action: "account.suspend", by: actor)
    }

    public func reactivate(_ id: AccountID, by actor: AuditActor) async throws -> Account {
        try await setStatus(.active, of: id, action: "account.reactivate", by: actor)
    }

    private func setStatus(_ status: Account.Status, of id: AccountID, action: String, by actor: AuditActor) async throws -> Account {
        var account = try await self.account(id)
        guard account.status != status else { return account }
        account.status = status
        let now = accounts.clock.now()
        try await accounts.store.updateAccount(account, audit: [AuditEvent(at: now, actor: actor, action: action, target: id.rawValue)])
        return account
    }

    /// Replaces the account's geo permissions (ISO 3166-1 alpha-2 codes); applies at once.
    public func setCountryPermissions(_ id: AccountID, to permissions: CountryPermissions, by actor: AuditActor) async throws -> Account {
        guard permissions.regions.count <= Self.maximumCountries else {
            throw HeraldError.invalid("invalid_countries", "at most \(Self.maximumCountries) countries may be listed", field: "countries")
        }
        for region in permissions.regions.sorted() where !(region.utf8.count == 2 && region.utf8.allSatisfy { (65...90).contains($0) }) {
            throw HeraldError.invalid("invalid_countries", "'\(region)' is not an ISO 3166-1 alpha-2 country code such as DE", field: "countries")
        }
        var account = try await self.account(id)
        let previous = account.countryPermissions
        account.countryPermissions = permissions
        let now = accounts.clock.now()
        try await accounts.store.updateAccount(account, audit: [
            AuditEvent(
                at: now, actor: actor, action: "account.country_permissions", target: id.rawValue,
                details: [
                    "mode": permissions.mode.rawValue, "countries": permissions.regions.sorted().joined(separator: ","),
                    "previous_mode": previous.mode.rawValue, "previous_countries": previous.regions.sorted().joined(separator: ","),
                ]),
        ])
        return account
    }

    /// Sets the account's limits: every value lowered (or kept) applies at once; when any value is raised,
    /// the raise becomes a proposal (from the lowered limits to `requested`) that a second operator must approve.
    public func setLimits(_ id: AccountID, to requested: AccountLimits, note: String?, by actor: AuditActor) async throws -> LimitsOutcome {
        try Self.validate(requested)
        var account = try await self.account(id)
        let current = account.limits
        let lowered = AccountLimits(
            messagesPerSecond: min(current.messagesPerSecond, requested.messagesPerSecond), messageBurst: min(current.messageBurst, requested.messageBurst),
            messagesPerDay: min(current.messagesPerDay, requested.messagesPerDay),
            verificationsPerSecond: min(current.verificationsPerSecond, requested.verificationsPerSecond),
            verificationBurst: min(current.verificationBurst, requested.verificationBurst))
        if lowered != current {
            account.limits = lowered
            let now = accounts.clock.now()
            try await accounts.store.updateAccount(account, audit: [
                AuditEvent(
                    at: now, actor: actor, action: "account.limits_lower", target: id.rawValue,
                    details: ["from": (try? HeraldJSON.text(current)) ?? "", "to": (try? HeraldJSON.text(lowered)) ?? ""]),
            ])
        }
        guard lowered.isRaised(to: requested) else { return LimitsOutcome(account: account, proposal: nil) }
        let proposal = try await proposals.proposeLimitsRaise(accountID: id, from: lowered, to: requested, note: note, by: actor)
        return LimitsOutcome(account: account, proposal: proposal)
    }

    /// - Throws: `invalid_limits` naming the field when a value is not positive or beyond the bounds.
    public static func validate(_ limits: AccountLimits) throws {
        func check(_ ok: Bool, _ field: String, _ message: String) throws {
            guard ok else { throw HeraldError.invalid("invalid_limits", message, field: field) }
        }
        try check(limits.messagesPerSecond > 0 && limits.messagesPerSecond <= 100_000, "messages_per_second", "'messages_per_second' must be above 0 and at most 100000")
        try check((1...1_000_000).contains(limits.messageBurst), "message_burst", "'message_burst' must be 1-1000000")
        try check((1...1_000_000_000).contains(limits.messagesPerDay), "messages_per_day", "'messages_per_day' must be 1-1000000000")
        try check(limits.verificationsPerSecond > 0 && limits.verificationsPerSecond <= 100_000, "verifications_per_second", "'verifications_per_second' must be above 0 and at most 100000")
        try check((1...1_000_000).contains(limits.verificationBurst), "verification_burst", "'verification_burst' must be 1-1000000")
    }
}
