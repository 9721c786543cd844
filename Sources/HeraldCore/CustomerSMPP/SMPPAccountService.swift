/// Manages accounts' access to the customer SMPP listener and authenticates its binds.
///
/// Every change is audited in the same transaction (actor: the operator, or `cli:<user>` for the `herald
/// smpp-account` commands); every bind — accepted or refused — is audited too (`smpp.bind`, or
/// `request.denied` with the reason).
///
/// ```swift
/// let service = SMPPAccountService(dependencies: .init(store: store, accounts: store, audit: store, limiter: limiter, clock: clock, random: random))
/// let password = service.generatePassword()
/// try await service.setCredentials(accountID: account.id, systemID: "acme", password: password, actor: .cli("ops"))
/// try await service.setThroughput(accountID: account.id, window: 20, messagesPerSecond: 100, actor: .cli("ops"))
/// ```
public struct SMPPAccountService: Sendable {
    public struct Dependencies: Sendable {
        public var store: any SMPPAccountStore
        public var accounts: any AccountStore
        public var audit: any AuditQueueStore
        /// Limits bind attempts per client address (each costs a slow password hash).
        public var limiter: any RateLimiter
        public var clock: any HeraldClock
        public var random: any RandomSource

        public init(store: any SMPPAccountStore, accounts: any AccountStore, audit: any AuditQueueStore, limiter: any RateLimiter, clock: any HeraldClock, random: any RandomSource) {
            self.store = store
            self.accounts = accounts
            self.audit = audit
            self.limiter = limiter
            self.clock = clock
            self.random = random
        }
    }

    public let dependencies: Dependencies
    public let hasher: SMPPPasswordHasher
    /// Bind attempts allowed per client address.
    public let bindAttemptLimit: RateLimit

    public init(dependencies: Dependencies, hasher: SMPPPasswordHasher = SMPPPasswordHasher(), bindAttemptLimit: RateLimit = .perInterval(30, .seconds(60))) {
        self.dependencies = dependencies
        self.hasher = hasher
        self.bindAttemptLimit = bindAttemptLimit
    }

    // MARK: Administration

    /// Gives an account SMPP access, or changes its system id and password. New access starts with the
    /// default limits (see ``SMPPAccount``).
    @discardableResult
    public func setCredentials(accountID: AccountID, systemID: String, password: String, actor: AuditActor) async throws -> SMPPAccount {
        let systemID = try Self.validSystemID(systemID)
        try Self.validatePassword(password)
        guard try await dependencies.accounts.account(accountID) != nil else { throw HeraldError.notFound("account \(accountID)") }
        let now = dependencies.clock.now()
        let hash = try hasher.hash(password, random: dependencies.random)
        var account = try await dependencies.store.smppAccount(accountID: accountID)
            ?? SMPPAccount(accountID: accountID, systemID: systemID, passwordHash: hash, createdAt: now)
        let previousSystemID = account.systemID
        account.systemID = systemID
        account.passwordHash = hash
        account.updatedAt = now
        var details = ["account": accountID.rawValue, "system_id": systemID]
        if previousSystemID != systemID { details["previous_system_id"] = previousSystemID }
        try await dependencies.store.saveSMPPAccount(account, audit: [
            AuditEvent(at: now, actor: actor, action: "smpp_account.set_credentials", target: accountID.rawValue, details: details),
        ])
        return account
    }

    /// Sets how many simultaneous binds the account may hold (``SMPPAccount/bindLimitRange``).
    @discardableResult
    public func setBindLimit(accountID: AccountID, maximumBinds: Int, actor: AuditActor) async throws -> SMPPAccount {
        guard SMPPAccount.bindLimitRange.contains(maximumBinds) else {
            throw HeraldError.invalid("invalid_bind_limit", "the bind limit must be \(SMPPAccount.bindLimitRange.lowerBound)-\(SMPPAccount.bindLimitRange.upperBound)", field: "max_binds")
        }
        return try await change(accountID, action: "smpp_account.set_bind_limit", actor: actor, details: ["max_binds": String(maximumBinds)]) {
            $0.maximumBinds = maximumBinds
        }
    }

    /// Sets the address ranges binds are accepted from (CIDR or single addresses; empty accepts any address).
    @discardableResult
    public func setAllowedNetworks(accountID: AccountID, networks: [String], actor: AuditActor) async throws -> SMPPAccount {
        guard networks.count <= SMPPAccount.maximumAllowedNetworks else {
            throw HeraldError.invalid("invalid_network", "at most \(SMPPAccount.maximumAllowedNetworks) address ranges may be allowed", field: "allowed_networks")
        }
        let parsed = try networks.map(IPNetwork.init(parsing:))
        var unique: [IPNetwork] = []
        for network in parsed where !unique.contains(network) { unique.append(network) }
        let text = unique.isEmpty ? "any" : unique.map(\.description).joined(separator: ",")
        return try await change(accountID, action: "smpp_account.set_allowed_networks", actor: actor, details: ["allowed_networks": text]) {
            $0.allowedNetworks = unique
        }
    }

    /// Sets the account's window (requests awaiting a response) and requests per second on the listener, raised
    /// or lowered, at once (the `herald smpp-account` commands; the admin API applies the two-person rule to
    /// raises through ``SMPPAccountAdministration``).
    @discardableResult
    public func setThroughput(accountID: AccountID, window: Int, messagesPerSecond: Double, actor: AuditActor) async throws -> SMPPAccount {
        try SMPPThroughput(window: window, messagesPerSecond: messagesPerSecond).validate()
        return try await change(accountID, action: "smpp_account.set_throughput", actor: actor, details: ["window": String(window), "tps": String(messagesPerSecond)]) {
            $0.window = window
            $0.messagesPerSecond = messagesPerSecond
        }
    }

    /// Withdraws the account's SMPP access (existing binds are not closed; new binds are refused).
    public func removeAccess(accountID: AccountID, actor: AuditActor) async throws {
        let now = dependencies.clock.now()
        let removed = try await dependencies.store.deleteSMPPAccount(accountID: accountID, audit: [
            AuditEvent(at: now, actor: actor, action: "smpp_account.remove", target: accountID.rawValue, details: ["account": accountID.rawValue]),
        ])
        guard removed else { throw HeraldError.notFound("SMPP access of account \(accountID)") }
    }

    public func access(of accountID: AccountID) async throws -> SMPPAccount? {
        try await dependencies.store.smppAccount(accountID: accountID)
    }

    /// A random 8-character password (the SMPP 3.4 maximum) from an alphabet without look-alikes: 40 bits.
    public func generatePassword() -> String {
        SecretHashing.randomToken(byteCount: 5, random: dependencies.random)
    }

    private func change(
        _ accountID: AccountID, action: String, actor: AuditActor, details: [String: String], _ apply: (inout SMPPAccount) -> Void
    ) async throws -> SMPPAccount {
        guard var account = try await dependencies.store.smppAccount(accountID: accountID) else {
            throw HeraldError.notFound("SMPP access of account \(accountID) (set its credentials first)")
        }
        let now = dependencies.clock.now()
        apply(&account)
        account.updatedAt = now
        var all = details
        all["account"] = accountID.rawValue
        try await dependencies.store.saveSMPPAccount(account, audit: [AuditEvent(at: now, actor: actor, action: action, target: accountID.rawValue, details: all)])
        return account
    }

    // MARK: Validation

    /// A system id: 1-15 printable ASCII characters without spaces (the SMPP 3.4 field holds 16 octets
    /// with its terminating NUL).
    static func validSystemID(_ text: String) throws -> String {
        guard (1...15).contains(text.utf8.count), text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw HeraldError.invalid("invalid_system_id", "the system id must have 1-15 printable ASCII characters and no spaces", field: "system_id")
        }
        return text
    }

    /// A password: 1-8 printable ASCII characters (the SMPP 3.4 field holds 9 octets with its NUL).
    static func validatePassword(_ text: String) throws {
        guard (1...8).contains(text.utf8.count), text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw HeraldError.invalid("invalid_password", "the SMPP password must have 1-8 printable ASCII characters and no spaces", field: "password")
        }
    }

    // MARK: Binding

    /// Decides a bind: checks the attempt rate of the client's address, the system id and password, the
    /// account's status and allowed address ranges, then calls `reserve` (the listener's atomic
    /// check-and-count of the account's binds, `false` when the limit is reached). The decision is audited;
    /// when an acceptance cannot be audited the bind is refused.
    public func authenticate(_ credentials: SMPPBindCredentials, reserve: @Sendable (SMPPAccount) -> Bool) async -> SMPPBindOutcome {
        let outcome = await decide(credentials, reserve: reserve)
        let now = dependencies.clock.now()
        var details = [
            "channel": "smpp", "operation": "bind", "system_id": String(credentials.systemID.prefix(16)), "bind_type": credentials.bindType,
            "session": credentials.session,
        ]
        if let address = credentials.remoteAddress { details["remote_address"] = address }
        switch outcome {
        case .accepted(let account, _):
            details["account"] = account.id.rawValue
            do {
                try await dependencies.audit.appendAudit([AuditEvent(at: now, actor: .account(account.id), action: "smpp.bind", target: account.id.rawValue, details: details)])
                return outcome
            } catch {
                return .denied(.unavailable)
            }
        case .denied(let denial):
            details["reason"] = denial.rawValue
            let target = "smpp:" + String(credentials.systemID.prefix(16))
            try? await dependencies.audit.appendAudit([
                AuditEvent(at: now, actor: AuditActor(kind: "smpp_client", id: credentials.remoteAddress ?? "unknown"), action: "request.denied", target: target, outcome: "denied", details: details),
            ])
            return outcome
        }
    }

    private func decide(_ credentials: SMPPBindCredentials, reserve: @Sendable (SMPPAccount) -> Bool) async -> SMPPBindOutcome {
        do {
            let attempt = try await dependencies.limiter.acquire(key: "smpp-bind:\(credentials.remoteAddress ?? "unknown")", limit: bindAttemptLimit)
            guard attempt.isAllowed else { return .denied(.tooManyAttempts) }
            guard let access = try await dependencies.store.smppAccount(systemID: credentials.systemID) else { return .denied(.unknownSystemID) }
            guard hasher.verify(credentials.password, against: access.passwordHash) else { return .denied(.invalidPassword) }
            guard let account = try await dependencies.accounts.account(access.accountID), account.status == .active else {
                return .denied(.accountSuspended)
            }
            guard access.allows(address: credentials.remoteAddress) else { return .denied(.addressNotAllowed) }
            guard reserve(access) else { return .denied(.bindLimitReached) }
            return .accepted(account, access)
        } catch {
            return .denied(.unavailable)
        }
    }

    /// Audits the end of an accepted bind (unbind, connection loss, shutdown).
    public func recordUnbind(accountID: AccountID, session: String, reason: String) async {
        let now = dependencies.clock.now()
        try? await dependencies.audit.appendAudit([
            AuditEvent(at: now, actor: .account(accountID), action: "smpp.unbind", target: accountID.rawValue, details: ["channel": "smpp", "session": session, "reason": reason]),
        ])
    }
}
