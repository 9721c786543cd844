import HeraldCore
import Synchronization

/// A ``VerificationStore`` and ``FraudStore`` in memory, for domain tests. It also satisfies
/// ``HeraldStore`` so a ``MessageService`` can be built on it; message methods other than the few the
/// verification flow needs throw.
final class InMemoryVerificationStore: VerificationStore, FraudStore, HeraldStore {
    struct State {
        var verifications: [VerificationID: Verification] = [:]
        var messages: [MessageID: Message] = [:]
        var webhooks: [WebhookDelivery] = []
        var audit: [AuditEvent] = []
        var blocks: [FraudBlockID: FraudBlock] = [:]
        var safeList: [SafeListEntry] = []
        var accounts: [AccountID: Account] = [:]
    }

    let state = Mutex(State())

    var verifications: [Verification] { state.withLock { Array($0.verifications.values) } }
    var storedMessages: [Message] { state.withLock { Array($0.messages.values) } }
    var webhooks: [WebhookDelivery] { state.withLock { $0.webhooks } }
    var audit: [AuditEvent] { state.withLock { $0.audit } }
    var blocks: [FraudBlock] { state.withLock { Array($0.blocks.values) } }

    // MARK: VerificationStore

    func insertVerification(_ verification: Verification, message: Message, effects: SideEffects) async throws -> Bool {
        state.withLock { state in
            if state.verifications.values.contains(where: { $0.accountID == verification.accountID && $0.to == verification.to && $0.status == .pending }) {
                return false
            }
            state.verifications[verification.id] = verification
            state.messages[message.id] = message
            state.webhooks += effects.webhooks
            state.audit += effects.audit
            return true
        }
    }

    func updateVerification(_ verification: Verification, newMessage: Message?, effects: SideEffects) async throws -> Bool {
        state.withLock { state in
            guard let stored = state.verifications[verification.id], stored.version == verification.version else { return false }
            var updated = verification
            updated.version += 1
            state.verifications[verification.id] = updated
            if let newMessage { state.messages[newMessage.id] = newMessage }
            state.webhooks += effects.webhooks
            state.audit += effects.audit
            return true
        }
    }

    func verification(_ id: VerificationID, accountID: AccountID?) async throws -> Verification? {
        state.withLock { state in
            guard let verification = state.verifications[id], accountID == nil || verification.accountID == accountID else { return nil }
            return verification
        }
    }

    func pendingVerification(accountID: AccountID, to: String) async throws -> Verification? {
        state.withLock { $0.verifications.values.first { $0.accountID == accountID && $0.to == to && $0.status == .pending } }
    }

    func verifications(accountID: AccountID, to: String, sentSince time: Timestamp) async throws -> [Verification] {
        state.withLock { $0.verifications.values.filter { $0.accountID == accountID && $0.to == to && ($0.sends.last?.at ?? $0.createdAt) >= time } }
    }

    func expirableVerifications(now: Timestamp, limit: Int) async throws -> [Verification] {
        state.withLock { Array($0.verifications.values.filter { $0.status == .pending && $0.expiresAt <= now }.sorted { $0.expiresAt < $1.expiresAt }.prefix(limit)) }
    }

    func verificationStatistics(_ query: VerificationStatisticsQuery) async throws -> [VerificationStatisticsRow] {
        state.withLock { state in
            let selected = state.verifications.values.filter { $0.accountID == query.accountID && $0.createdAt >= query.from && $0.createdAt < query.to }
            let groups = Dictionary(grouping: selected) { query.groupBy == .country ? $0.destination.regionCode : $0.prefix }
            return groups.map { key, items in
                VerificationStatisticsRow(
                    key: key, verifications: items.count, sends: items.reduce(0) { $0 + $1.sends.count }, approved: items.filter { $0.status == .approved }.count)
            }
        }
    }

    // MARK: FraudStore

    func insertFraudBlock(_ block: FraudBlock, audit: [AuditEvent]) async throws {
        state.withLock { state in
            state.blocks[block.id] = block
            state.audit += audit
        }
    }

    func fraudBlocks(createdSince time: Timestamp) async throws -> [FraudBlock] {
        state.withLock { $0.blocks.values.filter { $0.createdAt >= time }.sorted { $0.createdAt < $1.createdAt } }
    }

    func liftFraudBlock(_ id: FraudBlockID, at time: Timestamp, by actor: String, audit: [AuditEvent]) async throws -> Bool {
        state.withLock { state in
            guard state.blocks[id] != nil, state.blocks[id]?.liftedAt == nil else { return false }
            state.blocks[id]?.liftedAt = time
            state.blocks[id]?.liftedBy = actor
            state.audit += audit
            return true
        }
    }

    func safeListEntries(accountID: AccountID) async throws -> [SafeListEntry] {
        state.withLock { $0.safeList.filter { $0.accountID == accountID } }
    }

    func upsertSafeListEntry(_ entry: SafeListEntry, audit: [AuditEvent]) async throws {
        state.withLock { state in
            if let index = state.safeList.firstIndex(where: { $0.accountID == entry.accountID && $0.value == entry.value }) {
                state.safeList[index].note = entry.note
            } else {
                state.safeList.append(entry)
            }
            state.audit += audit
        }
    }

    func deleteSafeListEntry(accountID: AccountID, value: String, audit: [AuditEvent]) async throws -> Bool {
        state.withLock { state in
            guard let index = state.safeList.firstIndex(where: { $0.accountID == accountID && $0.value == value }) else { return false }
            state.safeList.remove(at: index)
            state.audit += audit
            return true
        }
    }

    // MARK: HeraldStore (only what the verification flow touches)

    struct Unsupported: Error {}

    func migrate() async throws {}
    func close() async throws {}
    func appendAudit(_ events: [AuditEvent]) async throws { state.withLock { $0.audit += events } }

    func insertAccount(_ account: Account, apiKeys: [APIKey], audit: [AuditEvent]) async throws { state.withLock { $0.accounts[account.id] = account } }
    func account(_ id: AccountID) async throws -> Account? { state.withLock { $0.accounts[id] } }
    func accounts() async throws -> [Account] { state.withLock { Array($0.accounts.values) } }
    func updateAccount(_ account: Account, audit: [AuditEvent]) async throws { state.withLock { $0.accounts[account.id] = account } }
    func apiKey(_ id: APIKeyID) async throws -> APIKey? { nil }
    func apiKeys(accountID: AccountID) async throws -> [APIKey] { [] }
    func insertAPIKey(_ key: APIKey, audit: [AuditEvent]) async throws { throw Unsupported() }
    func revokeAPIKey(_ id: APIKeyID, accountID: AccountID, at time: Timestamp, audit: [AuditEvent]) async throws -> Bool { throw Unsupported() }

    func insertMessages(_ messages: [Message], idempotency: IdempotencyRecord?, webhooks: [WebhookDelivery], audit: [AuditEvent]) async throws -> InsertOutcome {
        state.withLock { state in
            for message in messages { state.messages[message.id] = message }
            state.webhooks += webhooks
            state.audit += audit
        }
        return .inserted
    }

    func idempotencyRecord(accountID: AccountID, key: String) async throws -> IdempotencyRecord? { nil }
    func deleteExpiredIdempotencyRecords(now: Timestamp) async throws -> Int { 0 }
    func message(_ id: MessageID, accountID: AccountID?) async throws -> Message? { state.withLock { $0.messages[id] } }
    func parts(of id: MessageID) async throws -> [MessagePart] { [] }
    func messages(matching query: MessageQuery) async throws -> [Message] { throw Unsupported() }
    func claimDueMessages(now: Timestamp, limit: Int, owner: String, leaseUntil: Timestamp) async throws -> [Message] { [] }
    func releaseClaims(owner: String) async throws {}
    func saveMessageUpdates(_ updates: [MessageUpdate]) async throws -> [Bool] { throw Unsupported() }
    func applyReceipts(
        _ receipts: [ReceiptRecord], apply: @escaping @Sendable (inout Message, inout [MessagePart], ReceiptRecord) -> SideEffects
    ) async throws -> [Bool] { throw Unsupported() }
    func pendingReceipts(limit: Int) async throws -> [ReceiptRecord] { [] }
    func deletePendingReceipts(receivedBefore time: Timestamp) async throws -> Int { 0 }
    func expirableMessages(now: Timestamp, receiptGrace: Duration, limit: Int) async throws -> [Message] { [] }
    func eraseBodies(createdBefore time: Timestamp, limit: Int, audit: [AuditEvent]) async throws -> [MessageID] { [] }
    func messageCountsByStatus() async throws -> [MessageStatus: Int] { [:] }

    func claimDueWebhooks(now: Timestamp, limit: Int, owner: String, leaseUntil: Timestamp) async throws -> [WebhookDelivery] { [] }
    func saveWebhookDeliveries(_ deliveries: [WebhookDelivery]) async throws {}
    func webhookDeliveries(accountID: AccountID, limit: Int) async throws -> [WebhookDelivery] { state.withLock { $0.webhooks.filter { $0.accountID == accountID } } }
}
