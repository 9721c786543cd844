import Logging
import Metrics

/// Receives mobile-originated messages from carriers and routes them to the account that owns the
/// destination number: stores each durably with its opt-out change, the `message.inbound` webhook (to the
/// account's webhook URL) and the SMPP delivery (to the account's receiver binds, when it has SMPP access),
/// in one transaction — only then is the carrier's `deliver_sm` acknowledged.
///
/// ```swift
/// let inbound = InboundMessageService(dependencies: .init(store: store, numbers: numbers, …), logger: logger)
/// ReceiptProcessor.Dependencies(…, inboundHandler: { message in message.acknowledge(await inbound.receive(message)) })
/// ```
public struct InboundMessageService: Sendable {
    public struct Dependencies: Sendable {
        public var store: any InboundStore
        public var accounts: any AccountStore
        public var smppAccounts: any SMPPAccountStore
        public var audit: any AuditQueueStore
        public var numbers: NumberAssignmentService
        public var clock: any HeraldClock
        public var random: any RandomSource
        public var pseudonymizer: Pseudonymizer

        public init(
            store: any InboundStore, accounts: any AccountStore, smppAccounts: any SMPPAccountStore, audit: any AuditQueueStore,
            numbers: NumberAssignmentService, clock: any HeraldClock, random: any RandomSource, pseudonymizer: Pseudonymizer
        ) {
            self.store = store
            self.accounts = accounts
            self.smppAccounts = smppAccounts
            self.audit = audit
            self.numbers = numbers
            self.clock = clock
            self.random = random
            self.pseudonymizer = pseudonymizer
        }
    }

    /// The webhook event type of inbound messages.
    public static let webhookEventType = "message.inbound"

    public let dependencies: Dependencies
    private let logger: Logger
    private let routed = Counter(label: "herald_inbound_messages_total", dimensions: [("result", "routed")])
    private let unrouted = Counter(label: "herald_inbound_messages_total", dimensions: [("result", "unrouted")])

    public init(dependencies: Dependencies, logger: Logger) {
        self.dependencies = dependencies
        self.logger = logger
    }

    /// Handles one reassembled MO message. Returns whether the carrier may be told it was received: `true`
    /// once stored, and also for a message to a number no account owns (it is audited and dropped, as a
    /// retry would not change that); `false` when storing failed, so the carrier retries.
    public func receive(_ carrierMessage: InboundCarrierMessage) async -> Bool {
        let now = dependencies.clock.now()
        let from = Self.handset(carrierMessage.from)
        let pseudonym = dependencies.pseudonymizer.pseudonym(from)
        do {
            guard let owner = try await dependencies.numbers.owner(of: carrierMessage.to),
                  let account = try await dependencies.accounts.account(owner.accountID) else {
                unrouted.increment()
                logger.notice("inbound message to a number no account owns was dropped", metadata: [
                    "link": "\(carrierMessage.linkID)", "to": "\(carrierMessage.to.prefix(20))", "from": "\(pseudonym)",
                ])
                try await dependencies.audit.appendAudit([AuditEvent(
                    at: now, actor: .system("inbound"), action: "inbound.unrouted", target: "number:" + String(carrierMessage.to.prefix(20)),
                    outcome: "failed", details: ["link": carrierMessage.linkID, "from_pseudonym": pseudonym], sensitive: ["from": from])])
                return true
            }
            try await store(carrierMessage, from: from, pseudonym: pseudonym, owner: owner, account: account, at: now)
            routed.increment()
            return true
        } catch {
            logger.error("storing an inbound message failed; the carrier will be told to retry", metadata: [
                "link": "\(carrierMessage.linkID)", "from": "\(pseudonym)", "error": "\(error)",
            ])
            return false
        }
    }

    private func store(
        _ carrierMessage: InboundCarrierMessage, from: String, pseudonym: String, owner: AssignedNumber, account: Account, at now: Timestamp
    ) async throws {
        let random = dependencies.random
        let keyword = OptOutKeyword(message: carrierMessage.body)
        let message = InboundMessage(
            id: InboundMessageID.generate(at: now, random: random), accountID: account.id, from: from, to: owner.number,
            body: carrierMessage.body, keyword: keyword, linkID: carrierMessage.linkID, receivedAt: now)

        var effects = SideEffects()
        effects.audit.append(AuditEvent(
            at: now, actor: .system("inbound"), action: "inbound.receive", target: message.id.rawValue,
            details: [
                "account": account.id.rawValue, "link": carrierMessage.linkID, "to": owner.number, "from_pseudonym": pseudonym,
                "keyword": keyword?.action ?? "none",
            ],
            sensitive: ["from": from]))
        if let url = account.webhookURL {
            let event = WebhookEvent(
                id: WebhookEventID.generate(at: now, random: random).rawValue, type: Self.webhookEventType, createdAt: now,
                data: InboundMessageResource(message))
            effects.webhooks.append(WebhookDelivery(
                id: WebhookDeliveryID.generate(at: now, random: random), accountID: account.id, url: url, eventType: Self.webhookEventType,
                payload: event.jsonText(), createdAt: now))
        }
        if try await dependencies.smppAccounts.smppAccount(accountID: account.id) != nil {
            effects.smppDeliveries.append(CustomerSMPPDelivery(
                id: CustomerSMPPDeliveryID.generate(at: now, random: random), accountID: account.id, content: .inbound(message.id), createdAt: now))
        }

        var change: OptOutChange?
        switch keyword {
        case .optOut(let word):
            if try await dependencies.store.optOut(accountID: account.id, number: from) == nil {
                change = .optOut(OptOut(accountID: account.id, number: from, keyword: word, optedOutAt: now, inboundID: message.id))
                effects.audit.append(optOutAudit("opt_out.record", account: account.id, from: from, pseudonym: pseudonym, word: word, message: message.id, at: now))
            }
        case .optIn(let word):
            if try await dependencies.store.optOut(accountID: account.id, number: from) != nil {
                change = .optIn(accountID: account.id, number: from)
                effects.audit.append(optOutAudit("opt_out.lift", account: account.id, from: from, pseudonym: pseudonym, word: word, message: message.id, at: now))
            }
        case nil:
            break
        }
        try await dependencies.store.insertInbound(message, optOutChange: change, effects: effects)
        logger.info("inbound message stored", metadata: [
            "inbound": "\(message.id)", "account": "\(account.id)", "from": "\(pseudonym)", "keyword": "\(keyword?.action ?? "none")",
        ])
    }

    private func optOutAudit(_ action: String, account: AccountID, from: String, pseudonym: String, word: String, message: InboundMessageID, at now: Timestamp) -> AuditEvent {
        AuditEvent(
            at: now, actor: .system("inbound"), action: action, target: account.rawValue,
            details: ["account": account.rawValue, "number_pseudonym": pseudonym, "keyword": word, "inbound": message.rawValue],
            sensitive: ["number": from])
    }

    // MARK: Reading

    public func message(_ id: InboundMessageID, account: Account) async throws -> InboundMessage {
        guard let message = try await dependencies.store.inboundMessage(id, accountID: account.id) else { throw HeraldError.notFound("inbound message \(id)") }
        return message
    }

    public func messages(_ query: InboundQuery) async throws -> [InboundMessage] {
        try await dependencies.store.inboundMessages(matching: query)
    }

    /// A handset address as Herald stores it: `+` and the digits when the carrier sent a number, else as received.
    static func handset(_ address: String) -> String {
        let digits = address.hasPrefix("+") ? String(address.dropFirst()) : address
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return address }
        return "+" + digits
    }
}
