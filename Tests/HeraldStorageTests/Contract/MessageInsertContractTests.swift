import HeraldCore
import Testing

@Suite struct MessageInsertContractTests {
    func record(_ f: Fixtures, _ account: Account, key: String = "key-1", body: String = #"{"id":"first"}"#, at time: Timestamp? = nil) -> IdempotencyRecord {
        let time = time ?? f.start
        return IdempotencyRecord(
            accountID: account.id, key: key, fingerprint: "fp-\(body.count)", responseStatus: 202, responseBody: body, createdAt: time,
            expiresAt: time.adding(seconds: 86_400))
    }

    @Test(arguments: StoreFactory.all)
    func messageRoundTripsAndIsScopedToItsAccount(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let acme = f.account("Acme")
            let globex = f.account("Globex")
            var message = f.message(of: acme, clientReference: "order-7")
            message.error = MessageError(code: "throttled", description: "try later")
            message.attempts = 2
            message.nextAttemptAt = f.at(seconds: 30)
            message.linkID = "sim"
            message.verificationID = "ver_1"
            message.history.append(StatusChange(status: .queued, at: f.at(seconds: 1), detail: "quote \" backslash \\ newline \n control \u{1} emoji 😀 / done"))
            let outcome = try await backend.store.insertMessages([message], idempotency: nil, webhooks: [], audit: [])
            #expect(outcome == .inserted)

            #expect(try await backend.store.message(message.id, accountID: acme.id) == message)
            #expect(try await backend.store.message(message.id, accountID: nil) == message)
            #expect(try await backend.store.message(message.id, accountID: globex.id) == nil)
            #expect(try await backend.store.messages(matching: MessageQuery(accountID: globex.id)).isEmpty)
            #expect(try await backend.store.parts(of: message.id).isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func ephemeralBodiesNeverReachStorage(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            let code = f.message(of: account, body: "Your code is 493817", bodyPolicy: .ephemeral)
            _ = try await backend.store.insertMessages([code], idempotency: nil, webhooks: [], audit: [])
            let stored = try #require(try await backend.store.message(code.id, accountID: nil))
            #expect(stored.body == nil)
            #expect(stored.bodyPolicy == .ephemeral)

            // Nor through an update.
            _ = try await backend.store.saveMessageUpdates([MessageUpdate(message: code)])
            #expect(try await backend.store.message(code.id, accountID: nil)?.body == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func aBatchIsStoredWithItsWebhooksAndAuditOrNotAtAll(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            let first = f.message(of: account)
            _ = try await backend.store.insertMessages([first], idempotency: nil, webhooks: [f.webhook(of: account)], audit: [f.audit("message.accept")])

            // The batch repeats an existing id: it fails as a whole.
            let fresh = f.message(of: account, at: f.at(seconds: 1))
            await #expect(throws: (any Error).self) {
                _ = try await backend.store.insertMessages(
                    [fresh, first], idempotency: record(f, account), webhooks: [f.webhook(of: account)], audit: [f.audit("message.accept.batch")])
            }
            #expect(try await backend.store.message(fresh.id, accountID: nil) == nil)
            #expect(try await backend.store.idempotencyRecord(accountID: account.id, key: "key-1") == nil)
            #expect(try await backend.store.webhookDeliveries(accountID: account.id, limit: 10).count == 1)
            #expect(try await backend.auditEvents().map(\.action) == ["message.accept"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func aReusedIdempotencyKeyReplaysAndStoresNothing(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let acme = f.account("Acme")
            let globex = f.account("Globex")
            let original = record(f, acme)
            let first = f.message(of: acme)
            #expect(try await backend.store.insertMessages([first], idempotency: original, webhooks: [], audit: [f.audit("first")]) == .inserted)
            #expect(try await backend.store.idempotencyRecord(accountID: acme.id, key: "key-1") == original)

            let second = f.message(of: acme, at: f.at(seconds: 1))
            let outcome = try await backend.store.insertMessages(
                [second], idempotency: record(f, acme, body: #"{"id":"second"}"#, at: f.at(seconds: 1)), webhooks: [f.webhook(of: acme)],
                audit: [f.audit("second")])
            #expect(outcome == .replay(original))
            #expect(try await backend.store.message(second.id, accountID: nil) == nil)
            #expect(try await backend.store.webhookDeliveries(accountID: acme.id, limit: 10).isEmpty)
            #expect(try await backend.auditEvents().map(\.action) == ["first"])

            // Keys belong to an account: another account may use the same key.
            let other = f.message(of: globex)
            #expect(try await backend.store.insertMessages([other], idempotency: record(f, globex), webhooks: [], audit: []) == .inserted)
        }
    }

    @Test(arguments: StoreFactory.all)
    func anExpiredIdempotencyRecordNoLongerBlocksItsKey(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            _ = try await backend.store.insertMessages([f.message(of: account)], idempotency: record(f, account), webhooks: [], audit: [])

            // After retention (but before housekeeping deleted it) the key is free again.
            let later = f.at(seconds: 86_400)
            let renewed = record(f, account, body: #"{"id":"renewed"}"#, at: later)
            let message = f.message(of: account, at: later)
            #expect(try await backend.store.insertMessages([message], idempotency: renewed, webhooks: [], audit: []) == .inserted)
            #expect(try await backend.store.idempotencyRecord(accountID: account.id, key: "key-1") == renewed)
            #expect(try await backend.store.message(message.id, accountID: nil) != nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func concurrentRequestsWithOneKeyStoreOneMessage(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            let store = backend.store
            let attempts = (0..<8).map { index in
                (f.message(of: account, at: f.at(milliseconds: Int64(index))), record(f, account, body: #"{"attempt":\#(index)}"#))
            }
            let outcomes = try await withThrowingTaskGroup(of: InsertOutcome.self, returning: [InsertOutcome].self) { group in
                for (message, record) in attempts {
                    group.addTask { try await store.insertMessages([message], idempotency: record, webhooks: [], audit: [f.audit("accept")]) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .inserted }.count == 1)
            let winner = try #require(try await store.idempotencyRecord(accountID: account.id, key: "key-1"))
            #expect(outcomes.filter { $0 == .replay(winner) }.count == 7)
            #expect(try await store.messages(matching: MessageQuery(accountID: account.id)).count == 1)
            #expect(try await backend.auditEvents().count == 1)
        }
    }

    @Test(arguments: StoreFactory.all)
    func concurrentInsertsSucceedOrFailIndependently(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            let existing = f.message(of: account)
            _ = try await backend.store.insertMessages([existing], idempotency: nil, webhooks: [], audit: [])
            let store = backend.store
            // Every fifth request repeats the existing id and must fail alone, with its webhook and audit event.
            let requests = (0..<40).map { index in
                (index, index % 5 == 0 ? [f.message(of: account, at: f.at(seconds: 1)), existing] : [f.message(of: account, at: f.at(seconds: Int64(index) + 1))])
            }
            let results = await withTaskGroup(of: (Int, Bool).self, returning: [Int: Bool].self) { group in
                for (index, messages) in requests {
                    group.addTask {
                        let outcome = try? await store.insertMessages(
                            messages, idempotency: nil, webhooks: [f.webhook(of: account, at: f.at(seconds: Int64(index)))], audit: [f.audit("accept-\(index)")])
                        return (index, outcome == .inserted)
                    }
                }
                return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            #expect(results.filter(\.value).map(\.key).sorted() == (0..<40).filter { $0 % 5 != 0 })
            #expect(try await store.messages(matching: MessageQuery(accountID: account.id, limit: 100)).count == 1 + 32)
            #expect(try await store.webhookDeliveries(accountID: account.id, limit: 100).count == 32)
            #expect(try await backend.auditEvents().map(\.action).sorted() == (0..<40).filter { $0 % 5 != 0 }.map { "accept-\($0)" }.sorted())
        }
    }

    @Test(arguments: StoreFactory.all)
    func expiredIdempotencyRecordsAreDeleted(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            _ = try await backend.store.insertMessages([f.message(of: account)], idempotency: record(f, account, key: "old"), webhooks: [], audit: [])
            let later = f.at(seconds: 3600)
            _ = try await backend.store.insertMessages(
                [f.message(of: account, at: later)], idempotency: record(f, account, key: "new", at: later), webhooks: [], audit: [])

            #expect(try await backend.store.deleteExpiredIdempotencyRecords(now: f.at(seconds: 86_399)) == 0)
            #expect(try await backend.store.deleteExpiredIdempotencyRecords(now: f.at(seconds: 86_400)) == 1)
            #expect(try await backend.store.idempotencyRecord(accountID: account.id, key: "old") == nil)
            #expect(try await backend.store.idempotencyRecord(accountID: account.id, key: "new") != nil)
        }
    }
}
