import Foundation
import Logging
import Metrics

/// Accepts messages from customers: validates, resolves the number, applies guards and stores them durably.
///
/// A message is only reported accepted after the store has committed it. Channels (HTTP, SMPP, verification)
/// all come through here so they share validation, limits and guards.
public final class MessageService: Sendable {
    public struct Dependencies: Sendable {
        public var store: any HeraldStore
        public var numbers: any NumberResolver
        public var text: any MessageTextAnalyzer
        public var clock: any HeraldClock
        public var random: any RandomSource
        public var guards: [any SendGuard]
        public var wake: DispatchSignal

        public init(store: any HeraldStore, numbers: any NumberResolver, text: any MessageTextAnalyzer, clock: any HeraldClock, random: any RandomSource, guards: [any SendGuard] = [], wake: DispatchSignal) {
            self.store = store
            self.numbers = numbers
            self.text = text
            self.clock = clock
            self.random = random
            self.guards = guards
            self.wake = wake
        }
    }

    /// Idempotency data of one request.
    public struct IdempotencyContext: Sendable {
        public var key: String
        /// SHA-256 hex of the request's method, path and body.
        public var fingerprint: String

        public init(key: String, fingerprint: String) {
            self.key = key
            self.fingerprint = fingerprint
        }
    }

    /// The answer to a send: the new message(s) and the exact response body, or a replay of an earlier answer.
    public enum SendOutcome: Sendable {
        case accepted(messages: [Message], responseBody: String)
        case replayed(IdempotencyRecord)
    }

    public let dependencies: Dependencies
    public let policy: MessagePolicy
    public let nodeID: String
    private let acceptedCounter = Counter(label: "herald_messages_accepted_total")

    public init(dependencies: Dependencies, policy: MessagePolicy, nodeID: String) {
        self.dependencies = dependencies
        self.policy = policy
        self.nodeID = nodeID
    }

    // MARK: Sending

    /// Validates and stores one message. `render` builds the response body from the stored message so an
    /// idempotent replay returns exactly the same bytes.
    public func send(
        _ request: SendRequest, account: Account, clientAddress: String?, idempotency: IdempotencyContext?
    ) async throws -> SendOutcome {
        if let idempotency, let replay = try await existingAnswer(for: idempotency, account: account) {
            return .replayed(replay)
        }
        let message = try await prepare(request, account: account, channel: .http, clientAddress: clientAddress, field: nil)
        let body = try HeraldJSON.text(MessageResource(message))
        return try await store([message], responseBody: body, account: account, idempotency: idempotency)
    }

    /// Validates every request of a batch; stores the valid ones atomically. Returns per item the message
    /// or the error, in request order.
    public func sendBatch(
        _ requests: [SendRequest], account: Account, clientAddress: String?, idempotency: IdempotencyContext?,
        render: @Sendable ([Result<Message, HeraldError>]) throws -> String
    ) async throws -> (outcome: SendOutcome, results: [Result<Message, HeraldError>]) {
        guard !requests.isEmpty else { throw HeraldError.invalid("batch_empty", "'messages' must contain at least one message", field: "messages") }
        guard requests.count <= policy.maximumBatchSize else {
            throw HeraldError.invalid("batch_too_large", "a batch may contain at most \(policy.maximumBatchSize) messages", field: "messages")
        }
        if let idempotency, let replay = try await existingAnswer(for: idempotency, account: account) {
            return (.replayed(replay), [])
        }
        var results: [Result<Message, HeraldError>] = []
        for (index, request) in requests.enumerated() {
            do {
                results.append(.success(try await prepare(request, account: account, channel: .http, clientAddress: clientAddress, field: "messages[\(index)]")))
            } catch let error as HeraldError {
                if error.category == .rateLimited || error.category == .internal || error.category == .unavailable { throw error }
                results.append(.failure(error))
            }
        }
        let messages = results.compactMap { try? $0.get() }
        let body = try render(results)
        let outcome = try await store(messages, responseBody: body, account: account, idempotency: idempotency)
        return (outcome, results)
    }

    /// Stores an already-prepared message (used by the verification service and the SMPP listener).
    public func submitPrepared(_ messages: [Message], account: Account, webhooks: [WebhookDelivery] = [], audit: [AuditEvent] = []) async throws {
        _ = try await dependencies.store.insertMessages(messages, idempotency: nil, webhooks: webhooks, audit: audit)
        acceptedCounter.increment(by: messages.count)
        dependencies.wake.signal()
    }

    /// Validates a request and builds the message to store; throws the first problem found.
    public func prepare(
        _ request: SendRequest, account: Account, channel: Message.Channel, clientAddress: String?, field: String?,
        bodyPolicy: BodyPolicy = .retained, verificationID: String? = nil
    ) async throws -> Message {
        func name(_ leaf: String) -> String { field.map { "\($0).\(leaf)" } ?? leaf }
        guard account.status == .active else {
            throw HeraldError(.forbidden, code: "account_suspended", "this account is suspended")
        }
        let now = dependencies.clock.now()
        let number: ResolvedNumber
        do {
            number = try dependencies.numbers.resolve(request.to, defaultRegion: nil)
        } catch var error as HeraldError {
            error.field = name("to")
            throw error
        }
        if policy.refusedNumberTypes.contains(number.numberType) {
            throw HeraldError.invalid(
                "unsupported_destination_type", "Herald does not send SMS to \(number.numberType.replacingOccurrences(of: "_", with: " ")) numbers",
                field: name("to"))
        }
        guard account.countryPermissions.allows(region: number.regionCode) else {
            throw HeraldError(.policyBlocked, code: "country_not_permitted", "this account may not send to \(number.regionCode)", field: name("to"))
        }
        let sender = try SenderID.validate(request.from ?? policy.defaultSender, field: name("from"))
        let analysis: TextAnalysis
        do {
            analysis = try dependencies.text.analyze(request.body)
        } catch var error as HeraldError {
            error.field = name("body")
            throw error
        }
        let validity = try validity(request.validitySeconds, field: name("validity_seconds"))
        var sendAt = now
        if let requested = request.sendAt, requested > now {
            guard requested <= now.adding(policy.maximumScheduleAhead) else {
                throw HeraldError.invalid("invalid_send_at", "'send_at' may be at most \(policy.maximumScheduleAhead.components.seconds / 86_400) days ahead", field: name("send_at"))
            }
            sendAt = requested
        }
        if let url = request.callbackURL { try validateCallbackURL(url, field: name("callback_url")) }
        if let reference = request.clientReference, reference.count > policy.maximumClientReferenceLength {
            throw HeraldError.invalid("invalid_client_reference", "'client_reference' may have at most \(policy.maximumClientReferenceLength) characters", field: name("client_reference"))
        }
        let context = SendContext(account: account, destination: number, sender: sender, channel: channel, clientAddress: clientAddress)
        for guardian in dependencies.guards { try await guardian.check(context) }

        let scheduled = sendAt > now
        var history = [StatusChange(status: .accepted, at: now)]
        if !scheduled { history.append(StatusChange(status: .queued, at: now)) }
        let reference = Int(dependencies.random.uniform(below: 65_536))
        return Message(
            id: MessageID.generate(at: now, random: dependencies.random), accountID: account.id, to: number.e164, from: sender,
            body: request.body, bodyPolicy: bodyPolicy, status: scheduled ? .accepted : .queued, clientReference: request.clientReference,
            callbackURL: request.callbackURL ?? account.webhookURL, validUntil: sendAt.adding(validity), sendAt: sendAt, createdAt: now,
            destination: number.destination, encoding: analysis.encoding, partCount: analysis.parts, channel: channel,
            verificationID: verificationID, concatenationReference: reference, history: history, originNode: nodeID)
    }

    // MARK: Reading

    public func message(_ id: MessageID, account: Account) async throws -> Message {
        guard let message = try await dependencies.store.message(id, accountID: account.id) else { throw HeraldError.notFound("message \(id)") }
        return message
    }

    public func messages(_ query: MessageQuery) async throws -> [Message] {
        try await dependencies.store.messages(matching: query)
    }

    // MARK: Helpers

    private func existingAnswer(for idempotency: IdempotencyContext, account: Account) async throws -> IdempotencyRecord? {
        guard !idempotency.key.isEmpty, idempotency.key.count <= policy.maximumIdempotencyKeyLength else {
            throw HeraldError.invalid("invalid_idempotency_key", "'Idempotency-Key' must have 1 to \(policy.maximumIdempotencyKeyLength) characters", field: "Idempotency-Key")
        }
        guard let record = try await dependencies.store.idempotencyRecord(accountID: account.id, key: idempotency.key),
              record.expiresAt > dependencies.clock.now() else { return nil }
        return try checked(record, against: idempotency)
    }

    private func checked(_ record: IdempotencyRecord, against idempotency: IdempotencyContext) throws -> IdempotencyRecord {
        guard record.fingerprint == idempotency.fingerprint else {
            throw HeraldError(
                .conflict, code: "idempotency_key_reused",
                "this Idempotency-Key was already used with different request parameters", field: "Idempotency-Key")
        }
        return record
    }

    private func store(_ messages: [Message], responseBody: String, account: Account, idempotency: IdempotencyContext?) async throws -> SendOutcome {
        let now = dependencies.clock.now()
        let record = idempotency.map {
            IdempotencyRecord(
                accountID: account.id, key: $0.key, fingerprint: $0.fingerprint, responseStatus: 202, responseBody: responseBody,
                createdAt: now, expiresAt: now.adding(policy.idempotencyRetention))
        }
        let audit = messages.map(MessageAcceptAudit.event)
        switch try await dependencies.store.insertMessages(messages, idempotency: record, webhooks: [], audit: audit) {
        case .inserted:
            acceptedCounter.increment(by: messages.count)
            dependencies.wake.signal()
            return .accepted(messages: messages, responseBody: responseBody)
        case .replay(let existing):
            // A concurrent request with the same key committed first.
            guard let idempotency else { return .replayed(existing) }
            return .replayed(try checked(existing, against: idempotency))
        }
    }

    private func validity(_ seconds: Int?, field: String) throws -> Duration {
        guard let seconds else { return policy.defaultValidity }
        let value = Duration.seconds(seconds)
        guard value >= policy.minimumValidity, value <= policy.maximumValidity else {
            throw HeraldError.invalid(
                "invalid_validity", "'validity_seconds' must be between \(policy.minimumValidity.components.seconds) and \(policy.maximumValidity.components.seconds)",
                field: field)
        }
        return value
    }

    private func validateCallbackURL(_ text: String, field: String) throws {
        guard WebhookURLValidation.isAcceptable(text, maximumLength: policy.maximumCallbackURLLength) else {
            throw HeraldError.invalid("invalid_callback_url", "'callback_url' must be an http or https URL of at most \(policy.maximumCallbackURLLength) characters", field: field)
        }
    }
}
