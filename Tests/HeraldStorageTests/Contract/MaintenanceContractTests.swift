import HeraldCore
import Testing

@Suite struct MaintenanceContractTests {
    @Test(arguments: StoreFactory.all)
    func expirableMessagesArePastValidityNotFinalAndNotLeased(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            let grace = Duration.seconds(600)
            let now = f.at(seconds: 10_000)
            func message(_ status: MessageStatus, validUntil seconds: Int64, createdAt: Int64) -> Message {
                var message = f.message(of: account, at: f.at(seconds: createdAt), status: status)
                message.validUntil = f.at(seconds: seconds)
                return message
            }
            let queuedPast = message(.queued, validUntil: 9_000, createdAt: 1)
            let queuedAtBoundary = message(.queued, validUntil: 10_000, createdAt: 2)
            let queuedValid = message(.queued, validUntil: 10_001, createdAt: 3)
            let acceptedPast = message(.accepted, validUntil: 8_000, createdAt: 4)
            let submittedInGrace = message(.submitted, validUntil: 9_500, createdAt: 5)
            let submittedPastGrace = message(.submitted, validUntil: 9_400, createdAt: 6)
            let deliveredPast = message(.delivered, validUntil: 1_000, createdAt: 7)
            let failedPast = message(.failed, validUntil: 1_000, createdAt: 8)
            let leasedPast = message(.queued, validUntil: 9_000, createdAt: 9)
            _ = try await backend.store.insertMessages(
                [queuedPast, queuedAtBoundary, queuedValid, acceptedPast, submittedInGrace, submittedPastGrace, deliveredPast, failedPast],
                idempotency: nil, webhooks: [], audit: [])
            // Lease `leasedPast` alone (it is the only one due when claiming at its creation time).
            _ = try await backend.store.insertMessages([leasedPast], idempotency: nil, webhooks: [], audit: [])
            var onlyLeased = leasedPast
            onlyLeased.nextAttemptAt = f.at(seconds: 0)
            _ = try await backend.store.saveMessageUpdates([MessageUpdate(message: onlyLeased)])
            let leased = try await backend.store.claimDueMessages(now: f.at(seconds: 0), limit: 10, owner: "node-a", leaseUntil: now.adding(seconds: 60))
            #expect(leased.map(\.id) == [leasedPast.id])

            let expirable = try await backend.store.expirableMessages(now: now, receiptGrace: grace, limit: 100)
            #expect(Set(expirable.map(\.id)) == [queuedPast.id, queuedAtBoundary.id, acceptedPast.id, submittedPastGrace.id])
            #expect(expirable.first?.id == acceptedPast.id)
            let limited = try await backend.store.expirableMessages(now: now, receiptGrace: grace, limit: 2)
            #expect(limited.map(\.id) == [acceptedPast.id, queuedPast.id])

            // Once the lease ends, the leased one is expirable too.
            let later = try await backend.store.expirableMessages(now: now.adding(seconds: 60), receiptGrace: grace, limit: 100)
            #expect(later.contains { $0.id == leasedPast.id })
        }
    }

    @Test(arguments: StoreFactory.all)
    func bodiesPastRetentionAreErasedOnceAndAudited(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let f = Fixtures()
            let account = f.account()
            let old = (0..<3).map { f.message(of: account, at: f.at(seconds: Int64($0))) }
            let oldCode = f.message(of: account, at: f.at(seconds: 4), body: nil, bodyPolicy: .ephemeral)
            let recent = f.message(of: account, at: f.at(seconds: 100))
            _ = try await backend.store.insertMessages(old + [oldCode, recent], idempotency: nil, webhooks: [], audit: [])

            let cutoff = f.at(seconds: 50)
            let first = try await backend.store.eraseBodies(createdBefore: cutoff, limit: 2, audit: [f.audit("message.erase_bodies")])
            #expect(Set(first) == Set(old.prefix(2).map(\.id)))
            let second = try await backend.store.eraseBodies(createdBefore: cutoff, limit: 10, audit: [f.audit("message.erase_bodies")])
            #expect(second == [old[2].id])
            let none = try await backend.store.eraseBodies(createdBefore: cutoff, limit: 10, audit: [f.audit("message.erase_bodies")])
            #expect(none.isEmpty)
            #expect(try await backend.auditEvents().map(\.action) == ["message.erase_bodies", "message.erase_bodies"])

            for message in old {
                let stored = try #require(try await backend.store.message(message.id, accountID: nil))
                #expect(stored.body == nil)
                #expect(stored.bodyPolicy == .erased)
            }
            #expect(try await backend.store.message(oldCode.id, accountID: nil)?.bodyPolicy == .ephemeral)
            #expect(try await backend.store.message(recent.id, accountID: nil)?.body == recent.body)

            // A writer still holding the old body cannot bring it back.
            let resurrect = MessageUpdate(message: old[0])
            #expect(try await backend.store.saveMessageUpdates([resurrect]) == [true])
            let after = try #require(try await backend.store.message(old[0].id, accountID: nil))
            #expect(after.body == nil)
            #expect(after.bodyPolicy == .erased)
        }
    }
}
