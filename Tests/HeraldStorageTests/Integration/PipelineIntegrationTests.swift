import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// The core's dispatcher, receipt processor, housekeeping and webhook dispatcher against a real store.
@Suite struct PipelineIntegrationTests {
    @Test(arguments: StoreFactory.all)
    func messagesAreSubmittedDeliveredAndReported(_ factory: StoreFactory) async throws {
        try await PipelineHarness.run(factory) { pipeline in
            var sent: [Message] = []
            for index in 0..<20 { sent.append(try await pipeline.send(body: "Message \(index)")) }
            #expect(sent.allSatisfy { $0.status == .queued })

            try await pipeline.eventually("every message delivered") {
                try await pipeline.store.messageCountsByStatus()[.delivered] == 20
            }
            for message in sent {
                let stored = try #require(try await pipeline.message(message.id))
                #expect(stored.history.map(\.status) == [.accepted, .queued, .submitted, .delivered])
                #expect(stored.linkID == "sim")
                let parts = try await pipeline.store.parts(of: message.id)
                #expect(parts.map(\.state) == [.delivered])
            }
            // The receipts arrived before the submission results were written: parked, then applied.
            #expect(try await pipeline.store.pendingReceipts(limit: 10).isEmpty)

            // One webhook per reported status, each POSTed once, signed with the account's secret.
            try await pipeline.eventually("40 webhooks delivered") { pipeline.transport.posts.count >= 40 }
            let posts = pipeline.transport.posts
            #expect(posts.count == 40)
            let signer = WebhookSigner()
            for post in posts {
                let header = try #require(post.headers[WebhookSigner.headerName])
                #expect(signer.verify(header: header, secret: pipeline.account.webhookSecret, body: post.body, now: pipeline.clock.now()))
            }
            let events = posts.compactMap { $0.headers["Herald-Event"] }
            #expect(events.filter { $0 == "message.submitted" }.count == 20)
            #expect(events.filter { $0 == "message.delivered" }.count == 20)
            try await pipeline.eventually("the outbox marked delivered") {
                try await pipeline.store.webhookDeliveries(accountID: pipeline.account.id, limit: 100).allSatisfy { $0.status == .delivered }
            }

            // Every carrier submission is audited, in the transaction that stored its result.
            let audit = try await pipeline.backend.auditEvents()
            #expect(audit.filter { $0.action == "carrier.submit_sm" }.count == 20)
        }
    }

    @Test(arguments: StoreFactory.all)
    func aFailingLinkFailsOverToTheNextOne(_ factory: StoreFactory) async throws {
        try await PipelineHarness.run(factory, links: ["primary", "backup"]) { pipeline in
            pipeline.gateway.setRule { _, link in
                link == "primary" ? .failed(SubmitFailure(disposition: .tryOtherLink, code: "bind_failed", detail: "no bind available")) : nil
            }
            let message = try await pipeline.send()
            try await pipeline.eventually("delivered over the backup link") { try await pipeline.message(message.id)?.status == .delivered }

            let stored = try #require(try await pipeline.message(message.id))
            #expect(stored.linkID == "backup")
            #expect(stored.attempts == 0)
            #expect(try await pipeline.store.parts(of: message.id).map(\.linkID) == ["backup"])
            #expect(pipeline.gateway.submissions.map(\.linkID) == ["primary", "backup"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func throttledSubmissionsAreRetriedLater(_ factory: StoreFactory) async throws {
        try await PipelineHarness.run(factory) { pipeline in
            let throttled = Locked(0)
            pipeline.gateway.setRule { _, _ in
                let refuse = throttled.withLock { count -> Bool in
                    count += 1
                    return count <= 2
                }
                return refuse ? .failed(SubmitFailure(disposition: .retryLater, code: "throttled", detail: "ESME_RTHROTTLED")) : nil
            }
            let message = try await pipeline.send()
            try await pipeline.eventually("the first throttled attempt stored") {
                try await pipeline.message(message.id)?.error?.code == "throttled"
            }
            // Each throttle pushes the next attempt one (manual) second ahead.
            try await pipeline.eventually("delivered after the throttling", whileWaiting: { pipeline.clock.advance(by: .milliseconds(250)) }) {
                try await pipeline.message(message.id)?.status == .delivered
            }
            let stored = try #require(try await pipeline.message(message.id))
            #expect(pipeline.gateway.submissions.count == 3)
            #expect(stored.attempts == 0, "throttling is not a failed attempt")
            #expect(stored.error == nil)
            #expect(stored.history.map(\.status) == [.accepted, .queued, .submitted, .delivered])
        }
    }

    @Test(arguments: StoreFactory.all)
    func messagesExpireWhenTheirValidityPasses(_ factory: StoreFactory) async throws {
        try await PipelineHarness.run(factory, receipts: nil) { pipeline in
            let blocked = "+4915100000001"
            pipeline.gateway.setRule { message, _ in
                message.to == blocked ? .failed(SubmitFailure(disposition: .retryLater, code: "throttled", detail: "queue full")) : nil
            }
            let neverSent = try await pipeline.send(to: blocked, validitySeconds: 60)
            let noReceipt = try await pipeline.send(validitySeconds: 60)
            try await pipeline.eventually("one throttled, one submitted") {
                let first = try await pipeline.message(neverSent.id)
                let second = try await pipeline.message(noReceipt.id)
                return first?.error?.code == "throttled" && second?.status == .submitted
            }

            // Validity passes: the unsent message expires at once; the submitted one waits for its receipt grace.
            pipeline.clock.advance(by: .seconds(61))
            try await pipeline.eventually("the unsent message expired") { try await pipeline.message(neverSent.id)?.status == .expired }
            #expect(try await pipeline.message(neverSent.id)?.error?.code == "validity_expired")
            #expect(try await pipeline.message(noReceipt.id)?.status == .submitted)

            pipeline.clock.advance(by: .seconds(600))
            try await pipeline.eventually("the submitted message expired") { try await pipeline.message(noReceipt.id)?.status == .expired }
            #expect(try await pipeline.message(noReceipt.id)?.error?.code == "receipt_timeout")

            try await pipeline.eventually("three webhooks posted") { pipeline.transport.posts.count >= 3 }
            let events = pipeline.transport.posts.compactMap { $0.headers["Herald-Event"] }
            #expect(events.sorted() == ["message.expired", "message.expired", "message.submitted"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func failedWebhooksAreRetriedUntilDelivered(_ factory: StoreFactory) async throws {
        try await PipelineHarness.run(factory) { pipeline in
            pipeline.transport.setResult(.failed(statusCode: 503, reason: "HTTP 503"))
            let message = try await pipeline.send()
            try await pipeline.eventually("delivered") { try await pipeline.message(message.id)?.status == .delivered }
            try await pipeline.eventually("both webhooks attempted once") {
                try await pipeline.store.webhookDeliveries(accountID: pipeline.account.id, limit: 10).filter { $0.attempts == 1 }.count == 2
            }
            let failed = try await pipeline.store.webhookDeliveries(accountID: pipeline.account.id, limit: 10)
            #expect(failed.allSatisfy { $0.status == .pending && $0.lastStatusCode == 503 })

            // The receiver recovers; the retry is due ten (manual) seconds later.
            pipeline.transport.setResult(.delivered(statusCode: 204))
            pipeline.clock.advance(by: .seconds(10))
            try await pipeline.eventually("both webhooks delivered on retry") {
                try await pipeline.store.webhookDeliveries(accountID: pipeline.account.id, limit: 10).allSatisfy { $0.status == .delivered && $0.attempts == 2 }
            }
            #expect(pipeline.transport.posts.count == 4)
        }
    }
}
