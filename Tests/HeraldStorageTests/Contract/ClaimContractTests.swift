import HeraldCore
import Testing

@Suite struct ClaimContractTests {
    @Test(arguments: StoreFactory.all)
    func onlyDueClaimableMessagesAreLeasedOldestFirst(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            let now = f.at(seconds: 100)
            var scheduledLater = f.message(of: account, at: f.at(seconds: 1), status: .accepted)
            scheduledLater.nextAttemptAt = f.at(seconds: 101)
            var retryLater = f.message(of: account, at: f.at(seconds: 2))
            retryLater.nextAttemptAt = f.at(seconds: 500)
            var scheduledDue = f.message(of: account, at: f.at(seconds: 3), status: .accepted)
            scheduledDue.nextAttemptAt = f.at(seconds: 50)
            let queuedOld = f.message(of: account, at: f.at(seconds: 10))
            let queuedNew = f.message(of: account, at: f.at(seconds: 20))
            var dueExactlyNow = f.message(of: account, at: f.at(seconds: 30))
            dueExactlyNow.nextAttemptAt = now
            let submitted = f.message(of: account, at: f.at(seconds: 4), status: .submitted)
            let delivered = f.message(of: account, at: f.at(seconds: 5), status: .delivered)
            _ = try await backend.store.insertMessages(
                [scheduledLater, retryLater, scheduledDue, queuedOld, queuedNew, dueExactlyNow, submitted, delivered], idempotency: nil, webhooks: [],
                audit: [])

            let first = try await backend.store.claimDueMessages(now: now, limit: 2, owner: "node-a", leaseUntil: now.adding(seconds: 60))
            #expect(first.map(\.id) == [queuedOld.id, queuedNew.id])
            #expect(first[0] == queuedOld)
            let second = try await backend.store.claimDueMessages(now: now, limit: 10, owner: "node-a", leaseUntil: now.adding(seconds: 60))
            #expect(second.map(\.id) == [scheduledDue.id, dueExactlyNow.id])
            #expect(try await backend.store.claimDueMessages(now: now, limit: 10, owner: "node-a", leaseUntil: now.adding(seconds: 60)).isEmpty)
            #expect(try await backend.store.claimDueMessages(now: now, limit: 0, owner: "node-a", leaseUntil: now.adding(seconds: 60)).isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func aLeaseHoldsUntilItEndsOrIsReleased(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            let messages = (0..<3).map { f.message(of: account, at: f.at(seconds: Int64($0))) }
            _ = try await backend.store.insertMessages(messages, idempotency: nil, webhooks: [], audit: [])
            let now = f.at(seconds: 10)
            let leased = try await backend.store.claimDueMessages(now: now, limit: 10, owner: "node-a", leaseUntil: now.adding(seconds: 60))
            #expect(leased.count == 3)

            // Live leases keep others out …
            #expect(try await backend.store.claimDueMessages(now: now.adding(seconds: 59), limit: 10, owner: "node-b", leaseUntil: now.adding(seconds: 120)).isEmpty)
            // … releasing someone else's leases changes nothing …
            try await backend.store.releaseClaims(owner: "node-b")
            #expect(try await backend.store.claimDueMessages(now: now, limit: 10, owner: "node-b", leaseUntil: now.adding(seconds: 60)).isEmpty)
            // … and an ended lease frees the message.
            let expired = try await backend.store.claimDueMessages(now: now.adding(seconds: 60), limit: 10, owner: "node-b", leaseUntil: now.adding(seconds: 120))
            #expect(Set(expired.map(\.id)) == Set(messages.map(\.id)))

            // A restarted node-b drops its leases at once.
            try await backend.store.releaseClaims(owner: "node-b")
            let again = try await backend.store.claimDueMessages(now: now.adding(seconds: 61), limit: 10, owner: "node-c", leaseUntil: now.adding(seconds: 200))
            #expect(again.count == 3)
        }
    }

    @Test(arguments: StoreFactory.all)
    func ephemeralBodiesAreOnlyLeasedToTheirOriginNode(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            let code = f.message(of: account, body: nil, bodyPolicy: .ephemeral, originNode: "node-a")
            let text = f.message(of: account, at: f.at(seconds: 1), originNode: "node-a")
            let erased = f.message(of: account, at: f.at(seconds: 2), body: nil, bodyPolicy: .erased, originNode: "node-a")
            _ = try await backend.store.insertMessages([code, text, erased], idempotency: nil, webhooks: [], audit: [])
            let now = f.at(seconds: 10)

            let byB = try await backend.store.claimDueMessages(now: now, limit: 10, owner: "node-b", leaseUntil: now.adding(seconds: 60))
            #expect(Set(byB.map(\.id)) == [text.id, erased.id])
            let byA = try await backend.store.claimDueMessages(now: now, limit: 10, owner: "node-a", leaseUntil: now.adding(seconds: 60))
            #expect(byA.map(\.id) == [code.id])
        }
    }

    @Test(arguments: StoreFactory.all)
    func concurrentClaimersLeaseEachMessageExactlyOnce(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            let messages = (0..<1000).map { f.message(of: account, at: f.at(milliseconds: Int64($0))) }
            for chunk in stride(from: 0, to: messages.count, by: 250) {
                _ = try await backend.store.insertMessages(Array(messages[chunk..<chunk + 250]), idempotency: nil, webhooks: [], audit: [])
            }
            let store = backend.store
            let now = f.at(seconds: 10)
            let claims = try await withThrowingTaskGroup(of: [MessageID].self, returning: [[MessageID]].self) { group in
                for claimant in 0..<4 {
                    group.addTask {
                        var mine: [MessageID] = []
                        while true {
                            let batch = try await store.claimDueMessages(now: now, limit: 37, owner: "node-\(claimant)", leaseUntil: now.adding(seconds: 60))
                            if batch.isEmpty { return mine }
                            mine += batch.map(\.id)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let all = claims.flatMap { $0 }
            #expect(all.count == 1000)
            #expect(Set(all) == Set(messages.map(\.id)))
        }
    }
}
