/// What operators do to accounts' SMPP access through the admin API, on top of ``SMPPAccountService``:
/// credentials with a generated password when none is given, and throughput changes where lowered values
/// apply at once and raised ones become a proposal for a second operator (two-person rule, like
/// ``AccountAdministration/setLimits(_:to:note:by:)``). Every change is audited by the service it calls.
///
/// ```swift
/// let smpp = SMPPAccountAdministration(service: smppAccounts, proposals: proposals)
/// let set = try await smpp.setCredentials(accountID: id, systemID: "acme", password: nil, by: alice.actor)
/// set.generatedPassword        // shown once; only its hash is stored
/// let result = try await smpp.setThroughput(accountID: id, to: SMPPThroughput(window: 50, messagesPerSecond: 200), note: "launch", by: alice.actor)
/// result.proposal              // non-nil: the raise waits for approval; lowered values already apply
/// ```
public struct SMPPAccountAdministration: Sendable {
    public let service: SMPPAccountService
    public let proposals: ProposalService

    public init(service: SMPPAccountService, proposals: ProposalService) {
        self.service = service
        self.proposals = proposals
    }

    /// What ``setCredentials(accountID:systemID:password:by:)`` did.
    public struct CredentialsOutcome: Sendable {
        public var access: SMPPAccount
        /// The password Herald generated because none was given (shown once, never stored in clear).
        public var generatedPassword: String?
        /// Whether the account had no SMPP access before.
        public var created: Bool
    }

    /// What ``setThroughput(accountID:to:note:by:)`` did: the access as it now is, and the raise's proposal, if any.
    public struct ThroughputOutcome: Sendable {
        public var access: SMPPAccount
        public var proposal: Proposal?
    }

    /// The account's SMPP access. - Throws: `not_found` when the account has none (or does not exist).
    public func access(of accountID: AccountID) async throws -> SMPPAccount {
        guard let access = try await service.access(of: accountID) else {
            throw HeraldError.notFound("SMPP access of account \(accountID)")
        }
        return access
    }

    /// Gives the account SMPP access or changes its system id and password; with `password` nil a random
    /// one is generated (``SMPPAccountService/generatePassword()``).
    public func setCredentials(accountID: AccountID, systemID: String, password: String?, by actor: AuditActor) async throws -> CredentialsOutcome {
        let generated = password == nil ? service.generatePassword() : nil
        let existed = try await service.access(of: accountID) != nil
        let access = try await service.setCredentials(accountID: accountID, systemID: systemID, password: password ?? generated ?? "", actor: actor)
        return CredentialsOutcome(access: access, generatedPassword: generated, created: !existed)
    }

    /// Sets the account's window and TPS: each value lowered (or kept) applies at once; when either is
    /// raised, the raise becomes a proposal (from the lowered values to `requested`) a second operator must approve.
    ///
    /// - Throws: `invalid_window`, `invalid_throughput`; `not_found` without SMPP access.
    public func setThroughput(accountID: AccountID, to requested: SMPPThroughput, note: String?, by actor: AuditActor) async throws -> ThroughputOutcome {
        try requested.validate()
        var access = try await self.access(of: accountID)
        let lowered = access.throughput.lowered(to: requested)
        if lowered != access.throughput {
            access = try await service.setThroughput(
                accountID: accountID, window: lowered.window, messagesPerSecond: lowered.messagesPerSecond, actor: actor)
        }
        guard lowered.isRaised(to: requested) else { return ThroughputOutcome(access: access, proposal: nil) }
        let proposal = try await proposals.proposeSMPPThroughputRaise(accountID: accountID, from: lowered, to: requested, note: note, by: actor)
        return ThroughputOutcome(access: access, proposal: proposal)
    }
}
