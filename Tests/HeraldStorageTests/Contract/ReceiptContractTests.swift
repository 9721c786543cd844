import HeraldCore
import Testing

@Suite struct ReceiptContractTests {
    /// The production closure's shape: domain logic plus a webhook and an audit event when the status changed.
    static func applying(at time: Timestamp, seen: Locked<[Int]>? = nil) -> @Sendable (inout Message, inout [MessagePart], ReceiptRecord) -> SideEffects {
        { message, parts, receipt in
            seen?.withLock { $0.append(parts.count) }
            guard ReceiptApplication.apply(receipt, to: &message, parts: &parts, at: time) else { return SideEffects() }
            let webhook = WebhookDelivery(
                id: WebhookDeliveryID(unchecked: "whd_01kdpvwkh0" + String(message.id.rawValue.suffix(16))), accountID: message.accountID,
                url: "https://hooks.example.com/herald", eventType: "message.\(message.status.rawValue)", payload: "{}", createdAt: time)
            return SideEffects(webhooks: [webhook], audit: [AuditEvent(at: time, actor: .system("receipts"), action: "message.\(message.status.rawValue)", target: message.id.rawValue)])
        }
    }

    /// Stores a message submitted with parts keyed `keys` on `link`.
    func submittedMessage(_ backend: any StorageBackend, _ f: Fixtures, _ account: Account, keys: [String], link: String = "sim", at seconds: Int64 = 0) async throws -> Message {
        let message = f.message(of: account, at: f.at(seconds: seconds), partCount: keys.count)
        _ = try await backend.store.insertMessages([message], idempotency: nil, webhooks: [], audit: [])
        let parts = keys.enumerated().map { f.part(of: message, sequence: $0.offset + 1, link: link, key: $0.element, at: f.at(seconds: seconds)) }
        let written = try await backend.store.saveMessageUpdates([f.submitted(message, parts: parts, at: f.at(seconds: seconds))])
        #expect(written == [true])
        return try #require(try await backend.store.message(message.id, accountID: nil))
    }

    @Test(arguments: StoreFactory.all)
    func receiptsForEveryPartDeliverTheMessageInOneWrite(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            let message = try await submittedMessage(backend, f, account, keys: ["a1", "a2"])
            let seen = Locked<[Int]>([])
            let now = f.at(seconds: 10)

            let matched = try await backend.store.applyReceipts(
                [f.receipt(keys: ["a1"], at: now), f.receipt(keys: ["a2"], at: now)], apply: Self.applying(at: now, seen: seen))
            #expect(matched == [true, true])
            #expect(seen.value == [2, 2])
            let stored = try #require(try await backend.store.message(message.id, accountID: account.id))
            #expect(stored.status == .delivered)
            #expect(stored.history.last == StatusChange(status: .delivered, at: now, detail: "receipt delivered"))
            #expect(stored.version == message.version + 1)
            let parts = try await backend.store.parts(of: message.id)
            #expect(parts.map(\.state) == [.delivered, .delivered])
            #expect(parts.map(\.finalAt) == [now, now])
            #expect(try await backend.store.webhookDeliveries(accountID: account.id, limit: 10).map(\.eventType) == ["message.delivered"])
            #expect(try await backend.auditEvents().map(\.action) == ["message.delivered"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func receiptsMatchOnLinkAndAnyLookupKey(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            let onSim = try await submittedMessage(backend, f, account, keys: ["ff"], link: "sim")
            let onOther = try await submittedMessage(backend, f, account, keys: ["ff"], link: "other", at: 1)
            let now = f.at(seconds: 10)

            // "0xff", "255" and "ff" are variants of one id; the receipt came over `other`.
            let matched = try await backend.store.applyReceipts(
                [f.receipt(link: "other", keys: ["255", "ff", "00ff"], state: .undelivered, error: "001", at: now)], apply: Self.applying(at: now))
            #expect(matched == [true])
            #expect(try await backend.store.message(onOther.id, accountID: nil)?.status == .undelivered)
            #expect(try await backend.store.message(onOther.id, accountID: nil)?.error?.code == "carrier_undelivered_001")
            #expect(try await backend.store.message(onSim.id, accountID: nil)?.status == .submitted)
        }
    }

    @Test(arguments: StoreFactory.all)
    func unknownReceiptsAreParkedOnceAndUnparkedWhenTheyMatch(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            let early = f.receipt(keys: ["b1"], at: f.at(seconds: 1))
            let stranger = f.receipt(keys: ["zz"], state: .expired, at: f.at(seconds: 2))
            #expect(try await backend.store.applyReceipts([early, stranger], apply: Self.applying(at: f.at(seconds: 2))) == [false, false])
            #expect(try await backend.store.pendingReceipts(limit: 10) == [early, stranger])
            #expect(try await backend.store.pendingReceipts(limit: 1) == [early])

            // Retrying (or a carrier resending it) does not park it twice.
            var resent = early
            resent.receivedAt = f.at(seconds: 3)
            #expect(try await backend.store.applyReceipts([early, resent], apply: Self.applying(at: f.at(seconds: 3))) == [false, false])
            #expect(try await backend.store.pendingReceipts(limit: 10) == [early, stranger])

            // Once the submission result is stored, the parked receipt matches and leaves the parking lot.
            let message = try await submittedMessage(backend, f, account, keys: ["b1"], at: 4)
            let parked = try await backend.store.pendingReceipts(limit: 10)
            #expect(try await backend.store.applyReceipts(parked, apply: Self.applying(at: f.at(seconds: 5))) == [true, false])
            #expect(try await backend.store.pendingReceipts(limit: 10) == [stranger])
            #expect(try await backend.store.message(message.id, accountID: nil)?.status == .delivered)
        }
    }

    @Test(arguments: StoreFactory.all)
    func aReceiptThatChangesNothingWritesNothing(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            let message = try await submittedMessage(backend, f, account, keys: ["c1"])
            let now = f.at(seconds: 10)
            #expect(try await backend.store.applyReceipts([f.receipt(keys: ["c1"], at: now)], apply: Self.applying(at: now)) == [true])
            let delivered = try #require(try await backend.store.message(message.id, accountID: nil))

            // A duplicate after the final state: matched, but the message and its parts stay as they were.
            #expect(try await backend.store.applyReceipts([f.receipt(keys: ["c1"], state: .undelivered, at: now.adding(seconds: 5))], apply: Self.applying(at: now.adding(seconds: 5))) == [true])
            #expect(try await backend.store.message(message.id, accountID: nil) == delivered)
            #expect(try await backend.store.parts(of: message.id).map(\.state) == [.delivered])
            #expect(try await backend.store.webhookDeliveries(accountID: account.id, limit: 10).count == 1)
        }
    }

    @Test(arguments: StoreFactory.all)
    func oldParkedReceiptsAreDropped(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let receipts = (0..<4).map { f.receipt(keys: ["p\($0)"], at: f.at(seconds: Int64($0) * 100)) }
            _ = try await backend.store.applyReceipts(receipts, apply: Self.applying(at: f.start))
            #expect(try await backend.store.deletePendingReceipts(receivedBefore: f.at(seconds: 200)) == 2)
            #expect(try await backend.store.pendingReceipts(limit: 10) == Array(receipts.suffix(2)))
            #expect(try await backend.store.deletePendingReceipts(receivedBefore: f.at(seconds: 200)) == 0)
        }
    }
}
