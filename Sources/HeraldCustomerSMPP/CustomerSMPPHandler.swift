import HeraldCore
import Logging
import NIOCore
import SMPP
import SMSText
import Synchronization

/// The application side of the customer SMPP listener: authenticates binds through ``SMPPAccountService``
/// and turns `submit_sm` / `data_sm` into Herald messages through the same ``MessageService`` calls as
/// the HTTP API (`prepare`, then `submitPrepared`), so validation, guards (rate limits, opt-outs) and
/// routing are the same. `query_sm` answers the state of the account's own messages.
final class CustomerSMPPHandler: SMPPServerHandler {
    struct Dependencies: Sendable {
        var messages: MessageService
        var smppAccounts: SMPPAccountService
        var store: any TwoWayStore & HeraldStore
        var limiter: any RateLimiter
        var clock: any HeraldClock
        var random: any RandomSource
        var pseudonymizer: Pseudonymizer
    }

    let dependencies: Dependencies
    let configuration: CustomerSMPPConfiguration
    let registry: BindRegistry
    let assembler: MultipartAssembler
    /// Signalled when a receiving bind comes up (the delivery worker starts at once).
    let bindsChanged: DispatchSignal
    private let decoder: SMSDecoder
    private let logger: Logger
    private let cache = Mutex([AccountID: CachedAccount]())

    /// The account and its SMPP access as read for recent requests (changes apply within ``cacheLifetime``).
    private struct CachedAccount: Sendable {
        var account: Account
        var access: SMPPAccount
        var readAt: ContinuousClock.Instant
    }

    static let cacheLifetime: Duration = .seconds(2)

    init(dependencies: Dependencies, configuration: CustomerSMPPConfiguration, registry: BindRegistry, bindsChanged: DispatchSignal, logger: Logger) {
        self.dependencies = dependencies
        self.configuration = configuration
        self.registry = registry
        self.assembler = MultipartAssembler(timeout: configuration.multipartTimeout)
        self.bindsChanged = bindsChanged
        self.decoder = SMSDecoder(profile: configuration.textProfile)
        self.logger = logger
    }

    // MARK: Binding

    func authenticate(_ attempt: SMPPBindAttempt) async -> SMPPBindDecision {
        let credentials = SMPPBindCredentials(
            systemID: attempt.systemID, password: attempt.password, bindType: attempt.bindType.rawValue,
            remoteAddress: attempt.remoteAddress?.ipAddress, session: "\(attempt.sessionID)")
        let registry = self.registry
        let reserved = Atomic<Bool>(false)
        let outcome = await dependencies.smppAccounts.authenticate(credentials) { access in
            let ok = registry.reserve(access, session: attempt.sessionID)
            reserved.store(ok, ordering: .relaxed)
            return ok
        }
        switch outcome {
        case .accepted(_, let access):
            return .accept(SMPPSessionLimits(maxInFlight: access.window, maxTPS: access.messagesPerSecond))
        case .denied(let denial):
            if reserved.load(ordering: .relaxed) { registry.release(attempt.sessionID) }
            logger.info("customer SMPP bind refused", metadata: [
                "system_id": "\(attempt.systemID.prefix(16))", "reason": "\(denial.rawValue)", "peer": "\(credentials.remoteAddress ?? "?")",
            ])
            return .reject(CommandStatusMapping.status(for: denial))
        }
    }

    func sessionBound(_ session: SMPPServerSession) async {
        registry.bound(session)
        if session.bindType.canReceive { bindsChanged.signal() }
    }

    func sessionClosed(_ session: SMPPServerSession) async {
        guard let accountID = registry.closed(session) else { return }
        await dependencies.smppAccounts.recordUnbind(accountID: accountID, session: "\(session.id)", reason: "closed")
    }

    // MARK: Requests

    func handle(_ request: SMPPServerRequest, from session: SMPPServerSession) async throws -> SMPPServerResponse {
        guard let accountID = registry.account(of: session.id) else { return .error(.invalidBindStatus) }
        switch request {
        case .submitSM(let sm):
            return await submit(accountID: accountID, session: session) { try CustomerSubmission(sm, decoder: decoder) } answer: { .submitSM(SubmitSMResponse(messageID: $0)) }
        case .dataSM(let sm):
            return await submit(accountID: accountID, session: session) { try CustomerSubmission(sm, decoder: decoder) } answer: { .dataSM(DataSMResponse(messageID: $0)) }
        case .querySM(let query):
            return await self.query(query, accountID: accountID)
        case .submitMulti, .cancelSM, .replaceSM:
            return .error(.invalidCommandID)
        }
    }

    private func submit(
        accountID: AccountID, session: SMPPServerSession, read: () throws -> CustomerSubmission,
        answer: (String) -> SMPPServerResponse
    ) async -> SMPPServerResponse {
        let current: CachedAccount
        do {
            guard let found = try await account(accountID) else { return .error(.invalidBindStatus) }
            current = found
        } catch {
            return .error(.messageQueueFull)
        }
        guard registry.enterWindow(accountID, window: current.access.window) else { return .error(.throttled) }
        defer { registry.leaveWindow(accountID) }
        let rate = current.access.messagesPerSecond
        let limit = RateLimit(capacity: max(1, Int(rate.rounded(.up))), refillPerSecond: rate)
        guard (try? await dependencies.limiter.acquire(key: "smpp-tps:\(accountID.rawValue)", limit: limit))?.isAllowed ?? false else {
            return .error(.throttled)
        }

        let submission: CustomerSubmission
        do {
            submission = try read()
        } catch let error as CustomerSMPPError {
            logger.debug("customer submission refused", metadata: ["account": "\(accountID)", "status": "\(error.status)", "reason": "\(error.reason)"])
            return .error(error.status)
        } catch {
            return .error(.systemError)
        }
        let now = dependencies.clock.now()
        let random = dependencies.random
        let (outcome, abandoned) = assembler.add(submission, accountID: accountID, at: now) { MessageID.generate(at: now, random: random) }
        if !abandoned.isEmpty { await reportAbandoned(abandoned, at: now) }

        var text = submission.part.text ?? ""
        var messageID: MessageID?
        var receiptRequest = submission.receiptRequest
        switch outcome {
        case .single:
            break
        case .pending(let id), .duplicate(let id):
            return answer(id.rawValue)
        case .completed(let joined, let id, let request, _):
            text = joined
            messageID = id
            receiptRequest = request
        }

        do {
            var message = try await dependencies.messages.prepare(
                submission.sendRequest(body: text, now: now), account: current.account, channel: .smpp,
                clientAddress: session.remoteAddress?.ipAddress, field: nil)
            if let messageID { message.id = messageID }
            message.receiptRequest = receiptRequest
            try await dependencies.messages.submitPrepared([message], account: current.account)
            return answer(message.id.rawValue)
        } catch let error as HeraldError {
            logger.debug("customer message refused", metadata: [
                "account": "\(accountID)", "code": "\(error.code)", "to": "\(dependencies.pseudonymizer.pseudonym(submission.to))",
            ])
            if let messageID, receiptRequest != nil {
                // Earlier parts were answered with this id: tell the customer the message will not be sent.
                await enqueueRejection(
                    accountID: accountID, messageID: messageID, to: submission.to, from: submission.from, code: error.code, since: now,
                    parts: submission.part.concatenation?.total ?? 1, at: now)
            }
            return .error(CommandStatusMapping.status(for: error))
        } catch {
            logger.error("customer message could not be stored", metadata: ["account": "\(accountID)", "error": "\(error)"])
            return .error(.systemError)
        }
    }

    private func account(_ id: AccountID) async throws -> CachedAccount? {
        let now = ContinuousClock.now
        if let cached = cache.withLock({ $0[id] }), now - cached.readAt < Self.cacheLifetime { return cached }
        guard let account = try await dependencies.store.account(id), let access = try await dependencies.store.smppAccount(accountID: id) else {
            _ = cache.withLock { $0.removeValue(forKey: id) }
            return nil
        }
        let fresh = CachedAccount(account: account, access: access, readAt: now)
        cache.withLock { $0[id] = fresh }
        return fresh
    }

    // MARK: Incomplete multipart messages

    /// Gives up multipart messages whose parts stopped arriving; those that asked for a receipt get a
    /// REJECTD one. Called by the delivery worker's loop and on each new part.
    func expireIncompleteMessages() async {
        let abandoned = assembler.expire()
        if !abandoned.isEmpty { await reportAbandoned(abandoned, at: dependencies.clock.now()) }
    }

    private func reportAbandoned(_ abandoned: [MultipartAssembler.Abandoned], at now: Timestamp) async {
        for message in abandoned {
            logger.notice("incomplete multipart submission given up", metadata: ["account": "\(message.accountID)", "message": "\(message.messageID)"])
            guard message.receiptRequest != nil else { continue }
            await enqueueRejection(
                accountID: message.accountID, messageID: message.messageID, to: message.to, from: message.from, code: "incomplete_multipart",
                since: message.firstReceivedAt, parts: message.parts, at: now)
        }
    }

    private func enqueueRejection(
        accountID: AccountID, messageID: MessageID, to: String, from: String?, code: String, since: Timestamp, parts: Int, at now: Timestamp
    ) async {
        let report = DeliveryReport(
            messageID: messageID, to: to, from: from ?? dependencies.messages.policy.defaultSender, status: .rejected, errorCode: code,
            submittedAt: since, doneAt: now, parts: parts)
        let delivery = CustomerSMPPDelivery(
            id: CustomerSMPPDeliveryID.generate(at: now, random: dependencies.random), accountID: accountID, content: .receipt(report), createdAt: now)
        do {
            try await dependencies.store.enqueueCustomerSMPPDeliveries([delivery], audit: [])
        } catch {
            logger.error("queueing a rejection receipt failed", metadata: ["account": "\(accountID)", "message": "\(messageID)", "error": "\(error)"])
        }
    }

    // MARK: query_sm

    private func query(_ query: QuerySM, accountID: AccountID) async -> SMPPServerResponse {
        guard let id = MessageID(query.messageID) else { return .error(.invalidMessageID) }
        do {
            guard let message = try await dependencies.store.message(id, accountID: accountID) else { return .error(.queryFailed) }
            let state = ReceiptDeliverSMBuilder.messageState(for: message.status)
            let finalDate = message.status.isFinal ? ReceiptDeliverSMBuilder.smppAbsoluteTime(message.updatedAt) : ""
            return .querySM(QuerySMResponse(messageID: query.messageID, finalDate: finalDate, messageState: state, errorCode: 0))
        } catch {
            return .error(.systemError)
        }
    }
}
