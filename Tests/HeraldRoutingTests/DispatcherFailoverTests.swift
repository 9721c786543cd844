import Foundation
@testable import HeraldCore
import HeraldRouting
import HeraldSQLite
import HeraldTestSupport
import Logging
import Testing

/// The dispatcher walking the routing engine's candidates, with a fake carrier failing links per rule.
@Suite struct DispatcherFailoverTests {
    typealias F = Fixtures

    struct Harness {
        let gateway: FakeCarrierGateway
        let dispatcher: Dispatcher
        let clock: ManualClock
        let directory: URL
        let store: SQLiteHeraldStore

        func close() async {
            try? await store.close()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    /// The routing engine with one rule: `a` then `b` (priority order), `c` as backup.
    func harness() throws -> Harness {
        let links = ["a", "b", "c"]
        let engine = RoutingEngine(linkIDs: Set(links))
        try engine.reload(rules: [
            F.rule("de", .country("DE"), [F.link("a", priority: 1), F.link("b", priority: 2), F.link("c", priority: 1, backup: true)]),
        ], version: 1)
        let gateway = FakeCarrierGateway(links: links)
        let clock = ManualClock(start: F.now)
        let random = SequenceRandomSource(seed: 9)
        // The dispatcher's store is not touched by `process`; a real one keeps the dependencies honest.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-routing-\(UUID().uuidString)")
        let store = try SQLiteHeraldStore(path: directory.appendingPathComponent("herald.sqlite").path)
        var logger = Logger(label: "herald.tests.routing")
        logger.logLevel = .warning
        let dispatcher = Dispatcher(
            dependencies: Dispatcher.Dependencies(
                store: store, gateway: gateway, router: engine, clock: clock, vault: EphemeralBodyVault(clock: clock),
                webhooks: MessageWebhookFactory(random: random), pseudonymizer: Pseudonymizer(key: Array("k".utf8)), wake: DispatchSignal(),
                resultsWritten: DispatchSignal()),
            nodeID: "node-1", logger: logger)
        return Harness(gateway: gateway, dispatcher: dispatcher, clock: clock, directory: directory, store: store)
    }

    func message(to e164: String = "+4915112345678", region: String = "DE") -> Message {
        Message(
            id: F.messageID(77), accountID: F.accountB, to: e164, from: "Herald", body: "hello", bodyPolicy: .retained, status: .queued,
            clientReference: nil, callbackURL: nil, validUntil: F.now.adding(seconds: 3600), sendAt: F.now, createdAt: F.now,
            destination: Destination(regionCode: region, countryCallingCode: 49, mcc: "262", mnc: "01"), encoding: "gsm7", partCount: 1,
            channel: .http, concatenationReference: 1, history: [StatusChange(status: .queued, at: F.now)], originNode: "node-1")
    }

    static func failure(_ disposition: SubmitFailure.Disposition, _ code: String) -> SubmitResult {
        .failed(SubmitFailure(disposition: disposition, code: code, detail: "\(code) from the fake carrier"))
    }

    @Test func failsOverToTheNextCandidateOnTryOtherLink() async throws {
        let h = try harness()
        defer { Task { await h.close() } }
        h.gateway.setRule { _, link in link == "a" ? Self.failure(.tryOtherLink, "smpp_0x00000008") : nil }
        let update = await h.dispatcher.process(message())
        #expect(h.gateway.submissions.map(\.linkID) == ["a", "b"])
        #expect(update.message.status == .submitted)
        #expect(update.message.linkID == "b")
        #expect(update.newParts.map(\.linkID) == ["b"])
    }

    /// In a cluster a link whose binds other nodes hold answers `link_not_held`: the dispatcher fails over
    /// to a link held here, or hands the message back without spending an attempt.
    @Test func aLinkNotHeldOnThisNodeIsSkippedWithoutSpendingAnAttempt() async throws {
        let h = try harness()
        defer { Task { await h.close() } }
        h.gateway.setRule { _, link in link == "a" ? Self.failure(.retryLater, "link_not_held") : nil }
        let sent = await h.dispatcher.process(message())
        #expect(h.gateway.submissions.map(\.linkID) == ["a", "b"])
        #expect(sent.message.status == .submitted)
        #expect(sent.message.linkID == "b")

        h.gateway.setRule { _, _ in Self.failure(.retryLater, "link_not_held") }
        let waiting = await h.dispatcher.process(message())
        #expect(waiting.message.status == .queued)
        #expect(waiting.message.attempts == 0)
        #expect(waiting.message.error?.code == "link_not_held")
        #expect(waiting.message.nextAttemptAt == h.clock.now().adding(DispatchConfiguration().throttleRetryDelay))
    }

    @Test func triesTheBackupAfterEveryOtherLink() async throws {
        let h = try harness()
        defer { Task { await h.close() } }
        h.gateway.setRule { _, link in link == "c" ? nil : Self.failure(.tryOtherLink, "link_down") }
        let update = await h.dispatcher.process(message())
        #expect(h.gateway.submissions.map(\.linkID) == ["a", "b", "c"])
        #expect(update.message.linkID == "c")
    }

    @Test func aDownLinkIsTriedLast() async throws {
        let h = try harness()
        defer { Task { await h.close() } }
        h.gateway.setLink("a", up: false)
        let update = await h.dispatcher.process(message())
        #expect(h.gateway.submissions.map(\.linkID) == ["b"])
        #expect(update.message.linkID == "b")
    }

    @Test func aPermanentFailureStopsTheWalk() async throws {
        let h = try harness()
        defer { Task { await h.close() } }
        h.gateway.setRule { _, link in link == "a" ? Self.failure(.permanent, "smpp_0x0000000b") : nil }
        let update = await h.dispatcher.process(message())
        #expect(h.gateway.submissions.map(\.linkID) == ["a"])
        #expect(update.message.status == .rejected)
        #expect(update.message.error?.code == "smpp_0x0000000b")
    }

    @Test func throttledLinkDefersButTheWalkContinues() async throws {
        let h = try harness()
        defer { Task { await h.close() } }
        h.gateway.setRule { _, link in Self.failure(link == "a" ? .retryLater : .tryOtherLink, link == "a" ? "throttled" : "link_down") }
        let update = await h.dispatcher.process(message())
        #expect(h.gateway.submissions.map(\.linkID) == ["a", "b", "c"])
        // Throttling does not count as an attempt; the route is retried after the throttle delay.
        #expect(update.message.status == .queued)
        #expect(update.message.attempts == 0)
        #expect(update.message.nextAttemptAt == F.now.adding(DispatchConfiguration().throttleRetryDelay))
    }

    @Test func everyLinkFailingSchedulesARetryOfTheRoute() async throws {
        let h = try harness()
        defer { Task { await h.close() } }
        h.gateway.setRule { _, _ in Self.failure(.tryOtherLink, "response_timeout") }
        let update = await h.dispatcher.process(message())
        #expect(h.gateway.submissions.map(\.linkID) == ["a", "b", "c"])
        #expect(update.message.status == .queued)
        #expect(update.message.attempts == 1)
        #expect(update.message.error?.code == "response_timeout")
        #expect(update.message.nextAttemptAt > F.now)
    }

    @Test func noMatchingRuleFailsWithNoRoute() async throws {
        let h = try harness()
        defer { Task { await h.close() } }
        let update = await h.dispatcher.process(message(to: "+33612345678", region: "FR"))
        #expect(h.gateway.submissions.isEmpty)
        #expect(update.message.status == .failed)
        #expect(update.message.error?.code == "no_route")
    }
}
