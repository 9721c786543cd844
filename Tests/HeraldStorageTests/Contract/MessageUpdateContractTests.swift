import HeraldCore
import Testing

@Suite struct MessageUpdateContractTests {
    @Test(arguments: StoreFactory.all)
    func anUpdateWritesOnTheReadVersionWithItsPartsAndSideEffects(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            let message = f.message(of: account, partCount: 2)
            _ = try await backend.store.insertMessages([message], idempotency: nil, webhooks: [], audit: [])
            let leased = try #require(try await backend.store.claimDueMessages(now: f.at(seconds: 1), limit: 1, owner: "node-a", leaseUntil: f.at(seconds: 61)).first)

            let parts = [f.part(of: leased, sequence: 1, key: "a1"), f.part(of: leased, sequence: 2, key: "a2")]
            let update = f.submitted(leased, parts: parts, at: f.at(seconds: 2), webhooks: [f.webhook(of: account)], audit: [f.audit("carrier.submit_sm")])
            #expect(try await backend.store.saveMessageUpdates([update]) == [true])

            var expected = update.message
            expected.version = leased.version + 1
            #expect(try await backend.store.message(message.id, accountID: account.id) == expected)
            #expect(try await backend.store.parts(of: message.id) == parts)
            #expect(try await backend.store.webhookDeliveries(accountID: account.id, limit: 10) == update.effects.webhooks)
            #expect(try await backend.auditEvents().map(\.action) == ["carrier.submit_sm"])

            // A second writer holding the old version loses, and none of its effects are stored.
            var stale = leased
            stale.transition(to: .failed, at: f.at(seconds: 3), detail: "stale")
            let staleUpdate = MessageUpdate(
                message: stale, newParts: [f.part(of: leased, sequence: 3, key: "zz")],
                effects: SideEffects(webhooks: [f.webhook(of: account, type: "message.failed")], audit: [f.audit("stale")]))
            #expect(try await backend.store.saveMessageUpdates([staleUpdate]) == [false])
            #expect(try await backend.store.message(message.id, accountID: nil) == expected)
            #expect(try await backend.store.parts(of: message.id).count == 2)
            #expect(try await backend.store.webhookDeliveries(accountID: account.id, limit: 10).count == 1)
            #expect(try await backend.auditEvents().map(\.action) == ["carrier.submit_sm"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func eachUpdateOfABatchIsJudgedOnItsOwn(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            let one = f.message(of: account)
            let two = f.message(of: account, at: f.at(seconds: 1))
            _ = try await backend.store.insertMessages([one, two], idempotency: nil, webhooks: [], audit: [])
            var moved = two
            moved.updatedAt = f.at(seconds: 2)
            #expect(try await backend.store.saveMessageUpdates([MessageUpdate(message: moved)]) == [true])

            // `two` is now at version 1, so an update still on version 0 fails; `one` succeeds once, and a second
            // update of `one` in the same batch carries the version the first consumed, so it fails.
            let batch = [
                f.submitted(one, parts: [f.part(of: one, key: "k1")], audit: [f.audit("one")]),
                f.submitted(two, parts: [f.part(of: two, key: "k2")], audit: [f.audit("two")]),
                MessageUpdate(message: one, effects: SideEffects(audit: [f.audit("one-again")])),
            ]
            #expect(try await backend.store.saveMessageUpdates(batch) == [true, false, false])
            #expect(try await backend.store.message(one.id, accountID: nil)?.status == .submitted)
            #expect(try await backend.store.message(two.id, accountID: nil)?.status == .queued)
            #expect(try await backend.store.message(two.id, accountID: nil)?.version == 1)
            #expect(try await backend.store.parts(of: two.id).isEmpty)
            #expect(try await backend.auditEvents().map(\.action) == ["one"])
            #expect(try await backend.store.saveMessageUpdates([]) == [])
        }
    }

    @Test(arguments: StoreFactory.all)
    func savingReleasesTheLease(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            _ = try await backend.store.insertMessages([f.message(of: account)], idempotency: nil, webhooks: [], audit: [])
            let now = f.at(seconds: 1)
            var leased = try #require(try await backend.store.claimDueMessages(now: now, limit: 1, owner: "node-a", leaseUntil: now.adding(seconds: 60)).first)

            // Throttled: retry in 5 s. The lease is gone, so the message is due again then, for anyone.
            leased.nextAttemptAt = now.adding(seconds: 5)
            leased.error = MessageError(code: "throttled", description: "queue full")
            #expect(try await backend.store.saveMessageUpdates([MessageUpdate(message: leased)]) == [true])
            #expect(try await backend.store.claimDueMessages(now: now.adding(seconds: 4), limit: 1, owner: "node-b", leaseUntil: now.adding(seconds: 64)).isEmpty)
            let again = try await backend.store.claimDueMessages(now: now.adding(seconds: 5), limit: 1, owner: "node-b", leaseUntil: now.adding(seconds: 65))
            #expect(again.map(\.id) == [leased.id])
            #expect(again.first?.version == 1)
            #expect(again.first?.error?.code == "throttled")
        }
    }

    @Test(arguments: StoreFactory.all)
    func aRetriedSubmissionReplacesOlderPartsOfTheSameSequence(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            var message = f.message(of: account, partCount: 2)
            _ = try await backend.store.insertMessages([message], idempotency: nil, webhooks: [], audit: [])

            // First attempt: part 1 accepted on link a, then the link failed; retry later.
            message.attempts = 1
            message.nextAttemptAt = f.at(seconds: 5)
            #expect(try await backend.store.saveMessageUpdates([MessageUpdate(message: message, newParts: [f.part(of: message, sequence: 1, link: "a", key: "a-1")])]) == [true])
            message.version += 1

            // Second attempt on link b: both parts.
            let retried = [f.part(of: message, sequence: 1, link: "b", key: "b-1", at: f.at(seconds: 6)), f.part(of: message, sequence: 2, link: "b", key: "b-2", at: f.at(seconds: 6))]
            #expect(try await backend.store.saveMessageUpdates([f.submitted(message, parts: retried, at: f.at(seconds: 6))]) == [true])
            #expect(try await backend.store.parts(of: message.id) == retried)
        }
    }
}
