import Foundation
import Logging
import Metrics

/// Phone verification (2FA) on top of the message spine: sends one-time codes by SMS, checks them, and
/// reports every status change by webhook.
///
/// Security (NIST SP 800-63B § 5.1.3, OWASP ASVS V6): codes come from a CSPRNG without modulo bias, are
/// stored only as an HMAC bound to the verification and send (``VerificationCodeHasher``), are compared in
/// constant time, and never appear in storage, logs, responses, webhooks or audit entries — the SMS body
/// lives only in the ``EphemeralBodyVault`` of this node until it is submitted. A code is single use,
/// valid for ``VerificationPolicy/defaultLifetime``, and a verification allows
/// ``VerificationPolicy/maximumChecks`` checks. Starts are throttled per end user, caller, number, range
/// and account (``RateLimiter``), capped per number, screened by geo permissions and the ``FraudGuard``.
///
/// ```swift
/// let service = try VerificationService(dependencies: deps, codeKey: secrets.verificationKeyBytes, logger: logger)
/// let started = try await service.start(VerificationRequest(to: "+4915123456789", brand: "Acme"), account: account, clientAddress: ip)
/// let result = try await service.check(started.verification.id, code: "042917", account: account)
/// result.valid   // true once, for the right code, within the lifetime
/// ```
public final class VerificationService: Sendable {
    public struct Dependencies: Sendable {
        public var store: any VerificationStore
        public var messages: MessageService
        public var vault: EphemeralBodyVault
        public var rateLimiter: any RateLimiter
        public var fraudGuard: FraudGuard
        public var clock: any HeraldClock
        public var random: any RandomSource
        /// Keys rate-limit buckets and log fields, so neither holds a phone number or IP address.
        public var pseudonymizer: Pseudonymizer

        public init(
            store: any VerificationStore, messages: MessageService, vault: EphemeralBodyVault, rateLimiter: any RateLimiter, fraudGuard: FraudGuard,
            clock: any HeraldClock, random: any RandomSource, pseudonymizer: Pseudonymizer
        ) {
            self.store = store
            self.messages = messages
            self.vault = vault
            self.rateLimiter = rateLimiter
            self.fraudGuard = fraudGuard
            self.clock = clock
            self.random = random
            self.pseudonymizer = pseudonymizer
        }
    }

    /// The answer to a start: the verification and whether it was a resend on an existing pending one.
    public struct StartOutcome: Sendable, Equatable {
        public var verification: Verification
        public var isResend: Bool
    }

    /// The answer to a check.
    public struct CheckOutcome: Sendable, Equatable {
        public var verification: Verification
        /// True only for the right code, checked within the lifetime, the first time.
        public var valid: Bool
    }

    public let dependencies: Dependencies
    public let policy: VerificationPolicy
    public let rateLimits: VerificationRateLimits
    public let composer: VerificationMessageComposer
    private let generator: VerificationCodeGenerator
    private let hasher: VerificationCodeHasher
    private let webhooks: VerificationWebhookFactory
    private let logger: Logger
    private let metrics: Metrics

    private struct Metrics: Sendable {
        let created: Counter
        let resent: Counter
        let approved: Counter
        let wrong: Counter
        let refusedChecks: Counter
        let finished: [VerificationStatus: Counter]
        let refusals: [String: Counter]

        init(factory: any MetricsFactory) {
            created = Counter(label: "herald_verifications_started_total", dimensions: [("kind", "new")], factory: factory)
            resent = Counter(label: "herald_verifications_started_total", dimensions: [("kind", "resend")], factory: factory)
            approved = Counter(label: "herald_verification_checks_total", dimensions: [("result", "approved")], factory: factory)
            wrong = Counter(label: "herald_verification_checks_total", dimensions: [("result", "wrong")], factory: factory)
            refusedChecks = Counter(label: "herald_verification_checks_total", dimensions: [("result", "refused")], factory: factory)
            finished = Dictionary(uniqueKeysWithValues: VerificationStatus.allCases.filter(\.isFinal).map {
                ($0, Counter(label: "herald_verifications_finished_total", dimensions: [("status", $0.rawValue)], factory: factory))
            })
            refusals = Dictionary(uniqueKeysWithValues: ["rate_limited", "send_cap", "fraud", "country"].map {
                ($0, Counter(label: "herald_verification_refusals_total", dimensions: [("reason", $0)], factory: factory))
            })
        }
    }

    /// - Parameter codeKey: the server secret codes are hashed under (at least 16 bytes; the same on every node).
    public init(
        dependencies: Dependencies, policy: VerificationPolicy = VerificationPolicy(), rateLimits: VerificationRateLimits = VerificationRateLimits(),
        templates: VerificationTemplateCatalog = .builtIn, codeKey: [UInt8], logger: Logger, metrics: any MetricsFactory = MetricsSystem.factory
    ) throws {
        try policy.validate()
        self.dependencies = dependencies
        self.policy = policy
        self.rateLimits = rateLimits
        self.composer = VerificationMessageComposer(catalog: templates)
        self.generator = VerificationCodeGenerator(random: dependencies.random)
        self.hasher = try VerificationCodeHasher(key: codeKey)
        self.webhooks = VerificationWebhookFactory(random: dependencies.random)
        self.logger = logger
        self.metrics = Metrics(factory: metrics)
    }

    // MARK: Start and resend

    /// Starts a verification and sends its code; for a number with a pending verification of the same
    /// account, sends a NEW code on that verification instead (the old code stops working).
    public func start(_ request: VerificationRequest, account: Account, clientAddress: String?) async throws -> StartOutcome {
        guard account.status == .active else { throw HeraldError(.forbidden, code: "account_suspended", "this account is suspended") }
        let input = try validate(request, account: account)
        let number = try resolve(request.to)
        guard account.countryPermissions.allows(region: number.regionCode) else {
            metrics.refusals["country"]?.increment()
            throw HeraldError(.policyBlocked, code: "country_not_permitted", "this account may not send to \(number.regionCode)", field: "to")
        }
        let fraud = dependencies.fraudGuard
        let target = fraud.target(for: number)
        let screening: FraudGuard.Screening
        do {
            screening = try await fraud.screen(target, e164: number.e164, accountID: account.id)
        } catch let error as HeraldError where error.code == "fraud_prefix_blocked" {
            metrics.refusals["fraud"]?.increment()
            throw error
        }
        try await applyRateLimits(account: account, number: number, target: target, clientAddress: clientAddress, endUserIP: input.endUserIP)

        let now = dependencies.clock.now()
        // One read serves both the send cap and the pending lookup: a verification that is still open was
        // sent to within its lifetime, which is at most `maximumLifetime`.
        let recent = try await dependencies.store.verifications(
            accountID: account.id, to: number.e164, sentSince: now.adding(.zero - max(policy.sendWindow, policy.maximumLifetime)))
        var pending = recent.first { $0.status == .pending }
        if let stale = pending, !stale.isOpen(at: now) {
            _ = try await finish(stale, as: .expired, at: now)
            pending = nil
        }
        try enforceSendCap(recent, now: now)
        if !screening.isSafeListed {
            do {
                try await fraud.recordSend(target, accountID: account.id)
            } catch {
                metrics.refusals["fraud"]?.increment()
                throw error
            }
        }

        for _ in 0..<5 {
            if let existing = pending {
                if let resent = try await resend(existing, input: input, number: number, account: account, clientAddress: clientAddress, now: now) {
                    metrics.resent.increment()
                    return StartOutcome(verification: resent, isResend: true)
                }
            } else if let created = try await create(input: input, number: number, target: target, account: account, clientAddress: clientAddress, now: now) {
                metrics.created.increment()
                return StartOutcome(verification: created, isResend: false)
            }
            pending = try await openPending(accountID: account.id, to: number.e164, now: now)
        }
        throw HeraldError(.conflict, code: "verification_busy", "too many simultaneous requests for this number; retry", field: "to")
    }

    // MARK: Check, cancel, read

    /// Checks a code. A wrong code counts as an attempt; the last allowed wrong attempt ends the
    /// verification as `max_attempts_reached`, and later checks are refused (`max_check_attempts_reached`,
    /// category `.conflict`: no retry helps, only a new verification).
    ///
    /// An unknown id, another account's id, and a verification that is no longer pending (approved —
    /// a replay —, canceled or expired) all give the same `not_found` answer.
    public func check(_ id: VerificationID, code: String, account: Account) async throws -> CheckOutcome {
        let candidate = try Self.validCodeShape(code)
        for _ in 0..<8 {
            guard var verification = try await dependencies.store.verification(id, accountID: account.id) else { throw Self.noPendingVerificationError }
            let now = dependencies.clock.now()
            if verification.status == .maxAttemptsReached {
                metrics.refusedChecks.increment()
                throw HeraldError(.conflict, code: "max_check_attempts_reached", "this verification allows no more checks; start a new one")
            }
            guard verification.status == .pending, let hash = verification.codeHash else { throw Self.noPendingVerificationError }
            guard now < verification.expiresAt else {
                _ = try await finish(verification, as: .expired, at: now)
                throw Self.noPendingVerificationError
            }
            verification.checks += 1
            verification.updatedAt = now
            let valid = hasher.matches(code: candidate, hash: hash, verificationID: verification.id, send: verification.sends.count)
            var effects = SideEffects()
            if valid {
                verification.finish(.approved, at: now)
                effects.webhooks = webhooks.webhooks(for: verification, at: now)
            } else if verification.checks >= verification.maximumChecks {
                verification.finish(.maxAttemptsReached, at: now)
                effects.webhooks = webhooks.webhooks(for: verification, at: now)
                effects.audit = [AuditEvent(
                    at: now, actor: .system("verification"), action: "security.brute_force_stopped", target: "verification:\(verification.id.rawValue)",
                    outcome: "denied",
                    details: [
                        "account": account.id.rawValue, "checks": String(verification.checks),
                        "to": dependencies.pseudonymizer.pseudonym(verification.to),
                    ])]
            }
            guard try await dependencies.store.updateVerification(verification, newMessage: nil, effects: effects) else { continue }
            verification.version += 1
            (valid ? metrics.approved : metrics.wrong).increment()
            if verification.status.isFinal { ended(verification) }
            if valid, let sentAt = verification.sends.last?.at {
                await dependencies.fraudGuard.recordApproval(fraudTarget(of: verification), accountID: verification.accountID, sentAt: sentAt)
            }
            if verification.status == .maxAttemptsReached {
                logger.warning("verification stopped after too many wrong codes", metadata: [
                    "verification": "\(verification.id)", "account": "\(account.id)", "to": "\(dependencies.pseudonymizer.pseudonym(verification.to))",
                ])
            }
            return CheckOutcome(verification: verification, valid: valid)
        }
        throw HeraldError(.conflict, code: "verification_busy", "too many simultaneous checks of this verification; retry")
    }

    /// Cancels a pending verification (its code stops working; an unsent SMS is not sent).
    public func cancel(_ id: VerificationID, account: Account) async throws -> Verification {
        for _ in 0..<8 {
            let verification = try await read(id, account: account)
            guard verification.status == .pending else {
                throw HeraldError(.conflict, code: "verification_not_pending", "the verification is already \(verification.status.rawValue)")
            }
            if let canceled = try await finish(verification, as: .canceled, at: dependencies.clock.now()) { return canceled }
        }
        throw HeraldError(.conflict, code: "verification_busy", "too many simultaneous changes of this verification; retry")
    }

    /// A verification of the account (marked expired first when its lifetime has passed).
    public func verification(_ id: VerificationID, account: Account) async throws -> Verification {
        try await read(id, account: account)
    }

    /// Sends, approvals and conversion per country or prefix over `[from, to)`.
    public func statistics(_ query: VerificationStatisticsQuery) async throws -> VerificationStatisticsReport {
        guard query.from < query.to else {
            throw HeraldError.invalid("invalid_period", "'from' must be before 'to'", field: "from")
        }
        guard query.to.milliseconds(since: query.from) <= 366 * 86_400_000 else {
            throw HeraldError.invalid("invalid_period", "the period may span at most 366 days", field: "from")
        }
        return VerificationStatisticsReport(query: query, rows: try await dependencies.store.verificationStatistics(query))
    }

    /// Expires pending verifications whose lifetime passed; returns how many (used by ``VerificationExpiryService``).
    @discardableResult
    public func expireDue(limit: Int = 500) async throws -> Int {
        var total = 0
        while true {
            let now = dependencies.clock.now()
            let due = try await dependencies.store.expirableVerifications(now: now, limit: limit)
            for verification in due where try await finish(verification, as: .expired, at: now) != nil { total += 1 }
            if due.count < limit { return total }
        }
    }

    // MARK: Internals

    /// The answer to a check of an unknown, foreign or no longer pending verification (one answer for all).
    public static let noPendingVerificationError = HeraldError(.notFound, code: "not_found", "no pending verification with this id was found")

    /// What a start request asks for, checked.
    struct Input: Sendable {
        var channel: VerificationChannel
        var codeLength: Int
        var lifetimeSeconds: Int
        var locale: String
        var template: String
        var brand: String
        var appHash: String?
        var domain: String?
        var callbackURL: String?
        var endUserIP: String?
    }

    private func validate(_ request: VerificationRequest, account: Account) throws -> Input {
        let input = Input(
            channel: try VerificationInput.channel(request.channel),
            codeLength: try VerificationInput.codeLength(request.codeLength, policy: policy),
            lifetimeSeconds: try VerificationInput.lifetimeSeconds(request.lifetimeSeconds, policy: policy),
            locale: request.locale ?? policy.defaultLocale,
            template: request.template ?? policy.defaultTemplate,
            brand: try VerificationInput.brand(request.brand, fallback: account.name, maximumLength: policy.maximumBrandLength),
            appHash: try VerificationInput.appHash(request.appHash),
            domain: try VerificationInput.domain(request.domain),
            callbackURL: try VerificationInput.callbackURL(request.callbackURL, maximumLength: dependencies.messages.policy.maximumCallbackURLLength),
            endUserIP: try VerificationInput.endUserIP(request.endUserIP))
        _ = try composer.catalog.resolve(template: input.template, locale: input.locale)
        return input
    }

    private func resolve(_ to: String) throws -> ResolvedNumber {
        let number: ResolvedNumber
        do {
            number = try dependencies.messages.dependencies.numbers.resolve(to, defaultRegion: nil)
        } catch var error as HeraldError {
            error.field = "to"
            throw error
        }
        if dependencies.messages.policy.refusedNumberTypes.contains(number.numberType) {
            throw HeraldError.invalid(
                "unsupported_destination_type", "Herald does not send verification codes to \(number.numberType.replacingOccurrences(of: "_", with: " ")) numbers",
                field: "to")
        }
        return number
    }

    private func applyRateLimits(account: Account, number: ResolvedNumber, target: FraudTarget, clientAddress: String?, endUserIP: String?) async throws {
        let pseudonyms = dependencies.pseudonymizer
        var checks: [(key: String, limit: RateLimit)] = []
        if let endUserIP { checks.append(("verify:eu:\(account.id.rawValue):\(pseudonyms.pseudonym(endUserIP, kind: "ip"))", rateLimits.perEndUserAddress)) }
        if let clientAddress { checks.append(("verify:ip:\(pseudonyms.pseudonym(clientAddress, kind: "ip"))", rateLimits.perClientAddress)) }
        checks.append(("verify:num:\(pseudonyms.pseudonym(number.e164))", rateLimits.perNumber))
        checks.append(("verify:pfx:\(target.prefix)", rateLimits.perPrefix))
        checks.append((
            "verify:acct:\(account.id.rawValue)",
            RateLimit(capacity: account.limits.verificationBurst, refillPerSecond: account.limits.verificationsPerSecond)))
        for check in checks {
            let decision = try await dependencies.rateLimiter.acquire(key: check.key, cost: 1, limit: check.limit)
            guard decision.isAllowed else {
                metrics.refusals["rate_limited"]?.increment()
                throw HeraldError(
                    .rateLimited, code: "rate_limited", "too many verification requests; retry in \(decision.retryAfterSeconds) s",
                    retryAfterSeconds: decision.retryAfterSeconds)
            }
        }
    }

    /// The account's pending verification for the number while it is still open; expires a stale one.
    private func openPending(accountID: AccountID, to: String, now: Timestamp) async throws -> Verification? {
        for _ in 0..<4 {
            guard let pending = try await dependencies.store.pendingVerification(accountID: accountID, to: to) else { return nil }
            if pending.isOpen(at: now) { return pending }
            _ = try await finish(pending, as: .expired, at: now)
        }
        return nil
    }

    private func enforceSendCap(_ recent: [Verification], now: Timestamp) throws {
        let since = now.adding(.zero - policy.sendWindow)
        let times = recent.flatMap(\.sends).map(\.at).filter { $0 > since }.sorted()
        guard times.count >= policy.maximumSendsPerNumber else { return }
        let freesAt = times[times.count - policy.maximumSendsPerNumber].adding(policy.sendWindow)
        let seconds = max(1, Int((freesAt.milliseconds(since: now) + 999) / 1000))
        metrics.refusals["send_cap"]?.increment()
        throw HeraldError(
            .rateLimited, code: "too_many_sends",
            "at most \(policy.maximumSendsPerNumber) codes may be sent to one number within \(policy.sendWindow.components.seconds / 60) minutes",
            field: "to", retryAfterSeconds: seconds)
    }

    /// Writes the message for a new code; returns the prepared message (body in the vault, not in the message).
    private func codeMessage(
        for id: VerificationID, code: String, input: Input, number: ResolvedNumber, account: Account, clientAddress: String?
    ) async throws -> (message: Message, locale: String) {
        let minutes = (input.lifetimeSeconds + 59) / 60
        let (locale, text) = try composer.compose(VerificationMessageContent(
            template: input.template, locale: input.locale, code: code, brand: input.brand, minutes: minutes, appHash: input.appHash, domain: input.domain))
        var message = try await dependencies.messages.prepare(
            SendRequest(to: number.e164, from: policy.sender, body: text, validitySeconds: input.lifetimeSeconds), account: account,
            channel: .verification, clientAddress: clientAddress, field: nil, bodyPolicy: .ephemeral, verificationID: id.rawValue)
        // The code travels only through the vault: the stored message has no body and no message webhooks.
        message.body = nil
        message.callbackURL = nil
        dependencies.vault.put(text, for: message.id, until: message.validUntil)
        return (message, locale)
    }

    private func create(
        input: Input, number: ResolvedNumber, target: FraudTarget, account: Account, clientAddress: String?, now: Timestamp
    ) async throws -> Verification? {
        let id = VerificationID.generate(at: now, random: dependencies.random)
        let code = generator.code(length: input.codeLength)
        let (message, locale) = try await codeMessage(for: id, code: code, input: input, number: number, account: account, clientAddress: clientAddress)
        let verification = Verification(
            id: id, accountID: account.id, to: number.e164, channel: input.channel, locale: locale, template: input.template,
            codeLength: input.codeLength, brand: input.brand, appHash: input.appHash, domain: input.domain,
            callbackURL: input.callbackURL ?? account.webhookURL, destination: number.destination, prefix: target.prefix,
            codeHash: hasher.hash(code: code, verificationID: id, send: 1), lifetimeSeconds: input.lifetimeSeconds, createdAt: now,
            maximumChecks: policy.maximumChecks, sends: [VerificationSend(messageID: message.id, at: now)])
        let effects = SideEffects(webhooks: webhooks.webhooks(for: verification, at: now))
        let inserted: Bool
        do {
            inserted = try await dependencies.store.insertVerification(verification, message: message, effects: effects)
        } catch {
            dependencies.vault.remove(message.id)
            throw error
        }
        guard inserted else {
            dependencies.vault.remove(message.id)
            return nil
        }
        dependencies.messages.dependencies.wake.signal()
        logger.debug("verification started", metadata: [
            "verification": "\(id)", "account": "\(account.id)", "to": "\(dependencies.pseudonymizer.pseudonym(number.e164))", "message": "\(message.id)",
        ])
        return verification
    }

    private func resend(
        _ existing: Verification, input: Input, number: ResolvedNumber, account: Account, clientAddress: String?, now: Timestamp
    ) async throws -> Verification? {
        var verification = existing
        let code = generator.code(length: input.codeLength)
        let (message, locale) = try await codeMessage(
            for: verification.id, code: code, input: input, number: number, account: account, clientAddress: clientAddress)
        let previous = verification.currentMessageID
        verification.sends.append(VerificationSend(messageID: message.id, at: now))
        verification.codeHash = hasher.hash(code: code, verificationID: verification.id, send: verification.sends.count)
        verification.codeLength = input.codeLength
        verification.locale = locale
        verification.template = input.template
        verification.brand = input.brand
        verification.appHash = input.appHash
        verification.domain = input.domain
        if let callbackURL = input.callbackURL { verification.callbackURL = callbackURL }
        verification.lifetimeSeconds = input.lifetimeSeconds
        verification.expiresAt = now.adding(seconds: Int64(input.lifetimeSeconds))
        verification.updatedAt = now
        let updated: Bool
        do {
            updated = try await dependencies.store.updateVerification(verification, newMessage: message, effects: SideEffects())
        } catch {
            dependencies.vault.remove(message.id)
            throw error
        }
        guard updated else {
            dependencies.vault.remove(message.id)
            return nil
        }
        verification.version += 1
        // The previous code no longer matches; do not send it if it is still waiting.
        if let previous { dependencies.vault.remove(previous) }
        dependencies.messages.dependencies.wake.signal()
        logger.debug("verification code resent", metadata: [
            "verification": "\(verification.id)", "account": "\(account.id)", "sends": "\(verification.sends.count)", "message": "\(message.id)",
        ])
        return verification
    }

    /// Moves a pending verification to a final status with its webhook; `nil` when it changed meanwhile.
    private func finish(_ verification: Verification, as status: VerificationStatus, at now: Timestamp) async throws -> Verification? {
        var verification = verification
        guard verification.finish(status, at: now) else { return nil }
        let effects = SideEffects(webhooks: webhooks.webhooks(for: verification, at: now))
        guard try await dependencies.store.updateVerification(verification, newMessage: nil, effects: effects) else { return nil }
        verification.version += 1
        ended(verification)
        return verification
    }

    /// Bookkeeping once a verification is final: no code of it may still go out.
    private func ended(_ verification: Verification) {
        for send in verification.sends { dependencies.vault.remove(send.messageID) }
        metrics.finished[verification.status]?.increment()
    }

    private func read(_ id: VerificationID, account: Account) async throws -> Verification {
        for _ in 0..<4 {
            guard let verification = try await dependencies.store.verification(id, accountID: account.id) else {
                throw HeraldError.notFound("verification \(id)")
            }
            let now = dependencies.clock.now()
            guard verification.status == .pending, now >= verification.expiresAt else { return verification }
            if let expired = try await finish(verification, as: .expired, at: now) { return expired }
        }
        guard let verification = try await dependencies.store.verification(id, accountID: account.id) else { throw HeraldError.notFound("verification \(id)") }
        return verification
    }

    private func fraudTarget(of verification: Verification) -> FraudTarget {
        let destination = verification.destination
        return dependencies.fraudGuard.target(for: ResolvedNumber(
            e164: verification.to, regionCode: destination.regionCode, countryCallingCode: destination.countryCallingCode,
            numberType: destination.numberType ?? "unknown", mcc: destination.mcc, mnc: destination.mnc))
    }

    /// A code as typed: surrounding spaces dropped, then 1 to 20 ASCII digits (anything else is refused
    /// without counting an attempt).
    static func validCodeShape(_ code: String) throws -> String {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        guard (1...20).contains(trimmed.count), trimmed.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw HeraldError.invalid("invalid_code", "'code' must be the digits of the code received", field: "code")
        }
        return trimmed
    }
}
