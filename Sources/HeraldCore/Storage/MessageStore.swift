/// Storage port for messages, their parts, receipts and idempotency records.
///
/// Every method is one transaction. Implementations: SQLite (embedded default) and PostgreSQL; both pass
/// the shared storage test suite.
public protocol MessageStore: Sendable {
    /// Stores new messages, their first webhooks and audit events, and the idempotency record, atomically.
    /// When `idempotency` names a key the account already used, nothing is stored and the existing record
    /// is returned as `.replay`.
    func insertMessages(_ messages: [Message], idempotency: IdempotencyRecord?, webhooks: [WebhookDelivery], audit: [AuditEvent]) async throws -> InsertOutcome

    func idempotencyRecord(accountID: AccountID, key: String) async throws -> IdempotencyRecord?
    /// Deletes idempotency records whose retention ended; returns how many.
    func deleteExpiredIdempotencyRecords(now: Timestamp) async throws -> Int

    /// A message, scoped to `accountID` when given (a customer can never see another account's message).
    func message(_ id: MessageID, accountID: AccountID?) async throws -> Message?
    func parts(of id: MessageID) async throws -> [MessagePart]
    /// Messages matching `query`, newest first, at most `query.limit`.
    func messages(matching query: MessageQuery) async throws -> [Message]

    /// Leases up to `limit` due messages (status accepted/queued, `nextAttemptAt ≤ now`, no live lease) to
    /// `owner` until `leaseUntil`, each to exactly one claimant across nodes. Messages whose body is ephemeral
    /// are only leased to the node that accepted them.
    func claimDueMessages(now: Timestamp, limit: Int, owner: String, leaseUntil: Timestamp) async throws -> [Message]
    /// Drops every lease `owner` holds (at start-up, for leases of a previous run of this node).
    func releaseClaims(owner: String) async throws

    /// Writes updated messages (matching on `version`, which it increments), inserts new parts, webhooks and
    /// audit events, and clears the writer's lease. Returns, per update, whether it was written (`false` when
    /// another writer changed the message first).
    func saveMessageUpdates(_ updates: [MessageUpdate]) async throws -> [Bool]

    /// Applies receipts: for each, finds the part by `(linkID, lookupKey ∈ lookupKeys)`, loads the message and
    /// all its parts, lets `apply` (pure domain logic) change them, and writes the result with its side
    /// effects. A receipt whose part is unknown is parked as pending (see ``pendingReceipts(limit:)``).
    /// Returns, per receipt, whether it matched a part.
    func applyReceipts(
        _ receipts: [ReceiptRecord],
        apply: @escaping @Sendable (_ message: inout Message, _ parts: inout [MessagePart], _ receipt: ReceiptRecord) -> SideEffects
    ) async throws -> [Bool]
    /// Receipts parked because their part was not known yet, oldest first.
    func pendingReceipts(limit: Int) async throws -> [ReceiptRecord]
    /// Drops parked receipts received before `time`; returns how many.
    func deletePendingReceipts(receivedBefore time: Timestamp) async throws -> Int

    /// Messages whose validity has passed while not final and not leased (accepted/queued past `validUntil`,
    /// submitted past `validUntil + receiptGrace`), at most `limit`.
    func expirableMessages(now: Timestamp, receiptGrace: Duration, limit: Int) async throws -> [Message]

    /// Erases retained bodies of messages created before `time`; returns the ids erased (at most `limit`).
    func eraseBodies(createdBefore time: Timestamp, limit: Int, audit: [AuditEvent]) async throws -> [MessageID]

    /// Message counts by status, for metrics and the readiness report.
    func messageCountsByStatus() async throws -> [MessageStatus: Int]
}

/// The result of ``MessageStore/insertMessages(_:idempotency:webhooks:audit:)``.
public enum InsertOutcome: Sendable, Equatable {
    case inserted
    case replay(IdempotencyRecord)
}

/// A stored answer to a request that carried an `Idempotency-Key` (Stripe-like semantics).
public struct IdempotencyRecord: Sendable, Equatable, Codable {
    public var accountID: AccountID
    public var key: String
    /// SHA-256 of the request's method, path and body: a reuse with other parameters is refused.
    public var fingerprint: String
    public var responseStatus: Int
    public var responseBody: String
    public var createdAt: Timestamp
    public var expiresAt: Timestamp

    public init(accountID: AccountID, key: String, fingerprint: String, responseStatus: Int, responseBody: String, createdAt: Timestamp, expiresAt: Timestamp) {
        self.accountID = accountID
        self.key = key
        self.fingerprint = fingerprint
        self.responseStatus = responseStatus
        self.responseBody = responseBody
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// Filters for listing messages; cursor pagination by id (ids sort by creation time).
public struct MessageQuery: Sendable, Equatable {
    public var accountID: AccountID
    public var statuses: Set<MessageStatus>
    public var to: String?
    public var clientReference: String?
    public var createdFrom: Timestamp?
    public var createdBefore: Timestamp?
    /// Only messages with an id lower than this (the previous page's last id).
    public var startingAfter: MessageID?
    public var limit: Int

    public init(
        accountID: AccountID, statuses: Set<MessageStatus> = [], to: String? = nil, clientReference: String? = nil,
        createdFrom: Timestamp? = nil, createdBefore: Timestamp? = nil, startingAfter: MessageID? = nil, limit: Int = 50
    ) {
        self.accountID = accountID
        self.statuses = statuses
        self.to = to
        self.clientReference = clientReference
        self.createdFrom = createdFrom
        self.createdBefore = createdBefore
        self.startingAfter = startingAfter
        self.limit = limit
    }
}

/// A changed message and what goes with the change, written atomically.
public struct MessageUpdate: Sendable, Equatable {
    /// The message as it should be stored; its `version` is the one read (the store writes `version + 1`).
    public var message: Message
    public var newParts: [MessagePart]
    public var effects: SideEffects

    public init(message: Message, newParts: [MessagePart] = [], effects: SideEffects = SideEffects()) {
        self.message = message
        self.newParts = newParts
        self.effects = effects
    }
}

/// Webhooks, SMPP customer deliveries (receipts) and audit events that must be stored with a change.
public struct SideEffects: Sendable, Equatable {
    public var webhooks: [WebhookDelivery]
    public var audit: [AuditEvent]
    /// `deliver_sm` owed to SMPP customers (delivery receipts), for the customer SMPP outbox.
    public var smppDeliveries: [CustomerSMPPDelivery]

    public init(webhooks: [WebhookDelivery] = [], audit: [AuditEvent] = [], smppDeliveries: [CustomerSMPPDelivery] = []) {
        self.webhooks = webhooks
        self.audit = audit
        self.smppDeliveries = smppDeliveries
    }

    public var isEmpty: Bool { webhooks.isEmpty && audit.isEmpty && smppDeliveries.isEmpty }

    public mutating func append(_ other: SideEffects) {
        webhooks += other.webhooks
        audit += other.audit
        smppDeliveries += other.smppDeliveries
    }
}

/// A receipt as stored (and parked when its part is not known yet).
public struct ReceiptRecord: Sendable, Equatable, Codable {
    public var linkID: String
    public var carrierMessageID: String
    public var lookupKeys: [String]
    public var state: PartState
    public var errorCode: String?
    public var doneAt: Timestamp?
    public var receivedAt: Timestamp

    public init(linkID: String, carrierMessageID: String, lookupKeys: [String], state: PartState, errorCode: String?, doneAt: Timestamp?, receivedAt: Timestamp) {
        self.linkID = linkID
        self.carrierMessageID = carrierMessageID
        self.lookupKeys = lookupKeys
        self.state = state
        self.errorCode = errorCode
        self.doneAt = doneAt
        self.receivedAt = receivedAt
    }
}
