import HeraldCore
import Testing

@Suite struct WebhookContractTests {
    @Test(arguments: StoreFactory.all)
    func theOutboxIsLeasedSavedAndRetried(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            let hooks = (0..<3).map { f.webhook(of: account, at: f.at(seconds: Int64($0))) }
            _ = try await backend.store.insertMessages([f.message(of: account)], idempotency: nil, webhooks: hooks, audit: [])
            let now = f.at(seconds: 10)

            let claimed = try await backend.store.claimDueWebhooks(now: now, limit: 2, owner: "node-a", leaseUntil: now.adding(seconds: 30))
            #expect(claimed == Array(hooks.prefix(2)))
            #expect(try await backend.store.claimDueWebhooks(now: now, limit: 10, owner: "node-b", leaseUntil: now.adding(seconds: 30)) == [hooks[2]])
            #expect(try await backend.store.claimDueWebhooks(now: now, limit: 10, owner: "node-c", leaseUntil: now.adding(seconds: 30)).isEmpty)

            // One delivered, one to retry in a minute, one abandoned.
            var delivered = claimed[0]
            delivered.status = .delivered
            delivered.attempts = 1
            delivered.lastStatusCode = 204
            var retry = claimed[1]
            retry.attempts = 1
            retry.lastStatusCode = 503
            retry.lastError = "HTTP 503"
            retry.nextAttemptAt = now.adding(seconds: 60)
            var abandoned = hooks[2]
            abandoned.status = .failed
            abandoned.attempts = 20
            abandoned.lastError = "connection refused"
            try await backend.store.saveWebhookDeliveries([delivered, retry, abandoned])

            #expect(try await backend.store.claimDueWebhooks(now: now.adding(seconds: 59), limit: 10, owner: "node-a", leaseUntil: now.adding(seconds: 90)).isEmpty)
            #expect(try await backend.store.claimDueWebhooks(now: now.adding(seconds: 60), limit: 10, owner: "node-a", leaseUntil: now.adding(seconds: 90)) == [retry])
            // The lease of an attempt that never reported ends, and the delivery is due again.
            #expect(try await backend.store.claimDueWebhooks(now: now.adding(seconds: 90), limit: 10, owner: "node-b", leaseUntil: now.adding(seconds: 120)) == [retry])

            let listed = try await backend.store.webhookDeliveries(accountID: account.id, limit: 10)
            #expect(listed == [abandoned, retry, delivered])
            #expect(try await backend.store.webhookDeliveries(accountID: account.id, limit: 1) == [abandoned])
            #expect(try await backend.store.webhookDeliveries(accountID: f.account("Other").id, limit: 10).isEmpty)
        }
    }
}
