import Foundation
import HeraldCore
import HeraldSQLite
import Synchronization

/// One SQLite store in a temporary directory for a benchmark, plus builders for the rows it writes.
final class StorageBenchContext: Sendable {
    let configuration: SQLiteStoreConfiguration
    private let state = Mutex<(store: SQLiteHeraldStore?, directory: URL?, next: Int64)>((nil, nil, 0))
    private let random = SystemRandomSource()
    let account: Account
    let start = Timestamp(millisecondsSince1970: 1_767_225_600_000)

    init(synchronous: SQLiteStoreConfiguration.Synchronous, groupCommit: Bool = true) {
        configuration = SQLiteStoreConfiguration(synchronous: synchronous, maximumGroupCommit: groupCommit ? 256 : 1)
        account = Account(
            id: AccountID.generate(at: start, random: random), name: "Bench", webhookSecret: "whsec_bench",
            webhookURL: "https://hooks.example.com/herald", createdAt: start)
    }

    var store: SQLiteHeraldStore {
        get throws {
            guard let store = state.withLock({ $0.store }) else { throw CocoaError(.fileNoSuchFile) }
            return store
        }
    }

    /// Opens a fresh database (setup hook). The directory is under the working directory, on the same disk as
    /// a real `herald-data/`, not on a RAM-backed /tmp.
    func open() async throws {
        let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent(".build/storage-bench-\(UUID().uuidString)")
        let store = try SQLiteHeraldStore(path: directory.appendingPathComponent("herald.sqlite").path, configuration: configuration)
        try await store.migrate()
        try await store.insertAccount(account, apiKeys: [], audit: [])
        state.withLock { $0 = (store, directory, 0) }
    }

    /// Closes and deletes the database (teardown hook).
    func close() async throws {
        let (store, directory) = state.withLock { state in
            defer { state = (nil, nil, state.next) }
            return (state.store, state.directory)
        }
        try await store?.close()
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// Timestamps that increase with every call, so ids sort like a live system's.
    private func tick() -> Timestamp {
        start.adding(milliseconds: state.withLock { state in
            state.next += 1
            return state.next
        })
    }

    func message() -> Message {
        let now = tick()
        return Message(
            id: MessageID.generate(at: now, random: random), accountID: account.id, to: "+4915123456789", from: "Herald",
            body: "Your parcel arrives today between 10:00 and 12:00. Reply STOP to opt out.", bodyPolicy: .retained, status: .queued,
            clientReference: "order-4711", callbackURL: account.webhookURL, validUntil: now.adding(seconds: 86_400), sendAt: now, createdAt: now,
            destination: Destination(regionCode: "DE", countryCallingCode: 49, mcc: "262", mnc: "01", numberType: "mobile"), encoding: "gsm7",
            partCount: 1, channel: .http, concatenationReference: 42,
            history: [StatusChange(status: .accepted, at: now), StatusChange(status: .queued, at: now)], originNode: "bench")
    }

    /// What the dispatcher writes after a successful submission: status, one part, a webhook, an audit event.
    func submitted(_ leased: Message, key: String) -> MessageUpdate {
        var message = leased
        let now = tick()
        message.linkID = "sim"
        message.transition(to: .submitted, at: now, detail: "1 part(s) via sim")
        let part = MessagePart(messageID: message.id, sequence: 1, linkID: "sim", carrierMessageID: key, lookupKey: key, submittedAt: now)
        return MessageUpdate(message: message, newParts: [part], effects: SideEffects(webhooks: [webhook(for: message, at: now)], audit: [
            AuditEvent(
                at: now, actor: .system("dispatcher"), action: "carrier.submit_sm", target: message.id.rawValue,
                details: ["account": account.id.rawValue, "link": "sim", "parts": "1"], sensitive: ["to": message.to]),
        ]))
    }

    /// About the size of a real `message.*` webhook body.
    static let payload = String(repeating: "x", count: 700)

    func webhook(for message: Message, at time: Timestamp) -> WebhookDelivery {
        WebhookDelivery(
            id: WebhookDeliveryID.generate(at: time, random: random), accountID: account.id, url: account.webhookURL ?? "",
            eventType: "message.\(message.status.rawValue)", payload: Self.payload, createdAt: time)
    }

    func receipt(key: String) -> ReceiptRecord {
        ReceiptRecord(linkID: "sim", carrierMessageID: key, lookupKeys: [key], state: .delivered, errorCode: nil, doneAt: nil, receivedAt: tick())
    }

    /// The receipt processor's closure: domain logic, plus a webhook when the status changed.
    func applyingReceipts() -> @Sendable (inout Message, inout [MessagePart], ReceiptRecord) -> SideEffects {
        let now = start
        return { [self] message, parts, receipt in
            guard ReceiptApplication.apply(receipt, to: &message, parts: &parts, at: now) else { return SideEffects() }
            return SideEffects(webhooks: [webhook(for: message, at: now)])
        }
    }

    /// Inserts `count` messages in one transaction, claims and submits them; returns their part keys.
    func prepareSubmitted(_ count: Int) async throws -> [String] {
        let store = try store
        let messages = (0..<count).map { _ in message() }
        _ = try await store.insertMessages(messages, idempotency: nil, webhooks: [], audit: [])
        let claimed = try await store.claimDueMessages(now: tick(), limit: count, owner: "bench", leaseUntil: tick().adding(seconds: 60))
        let keys = claimed.map { String($0.id.rawValue.suffix(12)) }
        _ = try await store.saveMessageUpdates(zip(claimed, keys).map { submitted($0, key: $1) })
        return keys
    }
}
