import HeraldCore
import Testing

@Suite struct AuditContractTests {
    @Test(arguments: StoreFactory.all)
    func eventsAreKeptWholeAndInOrder(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let events = (0..<5).map { f.audit("request.denied", target: "acc_\($0)", at: f.at(seconds: Int64(5 - $0))) }
            try await backend.store.appendAudit(Array(events.prefix(2)))
            try await backend.store.appendAudit([])
            try await backend.store.appendAudit(Array(events.suffix(3)))
            // Order of writing, not of the events' own times.
            #expect(try await backend.auditEvents() == events)
        }
    }

    @Test(arguments: StoreFactory.all)
    func eventsCommitOnlyWithTheirChange(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            try await backend.store.insertAccount(account, apiKeys: [], audit: [f.audit("account.create")])
            // A failing account insert (same id) leaves no event behind.
            await #expect(throws: (any Error).self) { try await backend.store.insertAccount(account, apiKeys: [], audit: [f.audit("account.create.duplicate")]) }

            let message = f.message(of: account)
            let record = IdempotencyRecord(
                accountID: account.id, key: "k", fingerprint: "fp", responseStatus: 202, responseBody: "{}", createdAt: f.start, expiresAt: f.at(seconds: 60))
            _ = try await backend.store.insertMessages([message], idempotency: record, webhooks: [], audit: [f.audit("message.accept")])
            // Replays and lost races record nothing.
            _ = try await backend.store.insertMessages([f.message(of: account, at: f.at(seconds: 1))], idempotency: record, webhooks: [], audit: [f.audit("message.accept.replay")])
            var stale = message
            stale.version = 7
            _ = try await backend.store.saveMessageUpdates([MessageUpdate(message: stale, effects: SideEffects(audit: [f.audit("message.stale")]))])
            _ = try await backend.store.saveMessageUpdates([MessageUpdate(message: message, effects: SideEffects(audit: [f.audit("message.update")]))])

            #expect(try await backend.auditEvents().map(\.action) == ["account.create", "message.accept", "message.update"])
        }
    }
}
