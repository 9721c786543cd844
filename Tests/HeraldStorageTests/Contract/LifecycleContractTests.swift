import HeraldCore
import Testing

@Suite struct LifecycleContractTests {
    @Test(arguments: StoreFactory.all)
    func migratingAgainIsHarmless(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            try await backend.store.insertAccount(account, apiKeys: [], audit: [])
            try await backend.store.migrate()
            try await backend.store.migrate()
            #expect(try await backend.store.accounts() == [account])
        }
    }

    @Test(arguments: StoreFactory.all)
    func everythingSurvivesReopening(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            let key = f.apiKey(of: account)
            try await backend.store.insertAccount(account, apiKeys: [key], audit: [f.audit("account.create")])
            let message = f.message(of: account)
            let record = IdempotencyRecord(
                accountID: account.id, key: "k", fingerprint: "fp", responseStatus: 202, responseBody: #"{"id":1}"#, createdAt: f.start,
                expiresAt: f.at(seconds: 60))
            let webhook = f.webhook(of: account)
            _ = try await backend.store.insertMessages([message], idempotency: record, webhooks: [webhook], audit: [])
            let part = f.part(of: message, key: "r1")
            _ = try await backend.store.saveMessageUpdates([f.submitted(message, parts: [part])])
            let parked = f.receipt(keys: ["unknown"])
            _ = try await backend.store.applyReceipts([parked]) { _, _, _ in SideEffects() }
            let before = try await backend.store.message(message.id, accountID: nil)

            let reopened = try await backend.reopened()
            #expect(try await reopened.store.account(account.id) == account)
            #expect(try await reopened.store.apiKey(key.id) == key)
            #expect(try await reopened.store.message(message.id, accountID: account.id) == before)
            #expect(try await reopened.store.parts(of: message.id) == [part])
            #expect(try await reopened.store.idempotencyRecord(accountID: account.id, key: "k") == record)
            #expect(try await reopened.store.webhookDeliveries(accountID: account.id, limit: 10) == [webhook])
            #expect(try await reopened.store.pendingReceipts(limit: 10) == [parked])
            #expect(try await reopened.auditEvents().map(\.action) == ["account.create"])
            await reopened.destroy()
        }
    }
}
