import HeraldCore
import Logging
import Synchronization
import Testing

/// Refused requests are audited, floods coalesced.
@Suite struct DeniedRequestAuditorTests {
    final class RecordingStore: AuditQueueStore {
        let events = Mutex<[AuditEvent]>([])
        let failNext = Mutex(false)

        func appendAudit(_ events: [AuditEvent]) async throws {
            if failNext.withLock({ value in defer { value = false }; return value }) { throw HeraldError(.unavailable, code: "storage_busy", "busy") }
            self.events.withLock { $0 += events }
        }
    }

    static func denial(_ actor: AuditActor, address: String? = "192.0.2.7", code: String = "invalid_api_key", operation: String = "POST /v1/messages", at: Timestamp) -> DeniedRequest {
        DeniedRequest(at: at, actor: actor, clientAddress: address, channel: "http", operation: operation, status: 401, code: code)
    }

    @Test func aFloodFromOneCallerBecomesOneEventWithACount() async throws {
        let store = RecordingStore()
        let clock = ManualClock()
        let auditor = DeniedRequestAuditor(store: store, clock: clock, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        for n in 0..<1000 {
            auditor.record(Self.denial(.anonymous("http"), operation: n % 2 == 0 ? "POST /v1/messages" : "GET /v1/messages", at: clock.now().adding(milliseconds: Int64(n))))
        }
        auditor.record(Self.denial(.anonymous("http"), address: "198.51.100.1", at: clock.now()))
        auditor.record(Self.denial(.account(AccountID(unchecked: "acc_1")), code: "rate_limited", at: clock.now()))
        await auditor.flush()
        let events = store.events.withLock { $0 }
        #expect(events.count == 3)
        #expect(events[0].details["count"] == "1000")
        #expect(events[0].details["operations"] == "POST /v1/messages, GET /v1/messages")
        #expect(events[0].details["last_at"] == clock.now().adding(milliseconds: 999).iso8601)
        #expect(events[0].sensitive == ["client_address": "192.0.2.7"])
        #expect(events[0].outcome == "denied" && events[0].action == "request.denied")
        #expect(events[2].actor.description == "account:acc_1")
        // Nothing new, nothing written.
        await auditor.flush()
        #expect(store.events.withLock { $0.count } == 3)
    }

    @Test func tooManyDistinctCallersAreSummedIntoOneOverflowEvent() async throws {
        let store = RecordingStore()
        let clock = ManualClock()
        let auditor = DeniedRequestAuditor(store: store, clock: clock, maximumKeys: 10, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        for n in 0..<25 { auditor.record(Self.denial(.anonymous("http"), address: "10.0.0.\(n)", at: clock.now())) }
        await auditor.flush()
        let events = store.events.withLock { $0 }
        #expect(events.count == 11)
        #expect(events.last?.target == "overflow" && events.last?.details["count"] == "15")
    }

    @Test func eventsWhoseWriteFailedAreWrittenWithTheNextFlush() async throws {
        let store = RecordingStore()
        let clock = ManualClock()
        let auditor = DeniedRequestAuditor(store: store, clock: clock, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        store.failNext.withLock { $0 = true }
        auditor.record(Self.denial(.anonymous("http"), at: clock.now()))
        await auditor.flush()
        #expect(store.events.withLock { $0.isEmpty })
        await auditor.flush()
        #expect(store.events.withLock { $0.count } == 1)
    }
}
