import NIOCore
import Testing
@testable import SMPP

@Suite("Request scheduler (window, TPS, throttling)")
struct RequestSchedulerTests {
    typealias Scheduler = RequestScheduler<String>
    let t0 = NIODeadline.uptimeNanoseconds(1_000_000_000)

    func scheduler(window: Int = 2, timeout: TimeAmount = .seconds(5), tps: Double? = nil,
                   throttle: ThrottlePolicy = ThrottlePolicy(initialDelay: .milliseconds(100), maxDelay: .seconds(1), maxRetries: 2),
                   first: UInt32 = 1) -> Scheduler {
        Scheduler(configuration: .init(windowSize: window, responseTimeout: timeout, throttle: throttle, maxTPS: tps), firstSequenceNumber: first)
    }

    func entry(_ id: UInt64) -> Scheduler.Entry {
        Scheduler.Entry(id: id, body: .enquireLink, context: "r\(id)")
    }

    func sentIDs(_ s: inout Scheduler, now: NIODeadline) -> [UInt64] {
        var ids: [UInt64] = []
        while case .send(_, let e) = s.next(now: now) { ids.append(e.id) }
        return ids
    }

    @Test func windowLimitsOutstandingRequests() {
        var s = scheduler(window: 2)
        for i in 1...5 { s.enqueue(entry(UInt64(i))) }
        guard case .send(let seq1, let e1) = s.next(now: t0), case .send(let seq2, _) = s.next(now: t0) else {
            Issue.record("expected two sends"); return
        }
        #expect(seq1 == 1 && seq2 == 2 && e1.context == "r1")
        guard case .idle = s.next(now: t0) else { Issue.record("window should be full"); return }
        #expect(s.inFlightCount == 2 && s.pendingCount == 3)
        guard case .complete(let done) = s.responseReceived(sequenceNumber: 1, status: .ok, now: t0) else {
            Issue.record("expected completion"); return
        }
        #expect(done.context == "r1")
        #expect(sentIDs(&s, now: t0) == [3])
        guard case .unknown = s.responseReceived(sequenceNumber: 99, status: .ok, now: t0) else {
            Issue.record("unknown sequence should be reported"); return
        }
    }

    @Test func sequenceNumbersWrapAroundAndSkipOutstanding() {
        var s = scheduler(window: 10, first: 0x7FFF_FFFE)
        for i in 1...3 { s.enqueue(entry(UInt64(i))) }
        var numbers: [UInt32] = []
        while case .send(let n, _) = s.next(now: t0) { numbers.append(n) }
        #expect(numbers == [0x7FFF_FFFE, 0x7FFF_FFFF, 1])

        var generator = SequenceNumberGenerator(start: 0x7FFF_FFFF)
        #expect(generator.next() == 0x7FFF_FFFF)
        #expect(generator.next() == 1)
        #expect(SequenceNumberGenerator(start: 0).last == 0)
    }

    @Test func responseTimeoutExpiresRequests() {
        var s = scheduler(window: 4, timeout: .seconds(5))
        s.enqueue(entry(1))
        s.enqueue(entry(2))
        _ = sentIDs(&s, now: t0)
        #expect(s.expire(now: t0 + .seconds(4)).isEmpty)
        let expired = s.expire(now: t0 + .seconds(5))
        #expect(expired.map(\.entry.id) == [1, 2])
        #expect(s.inFlightCount == 0)
    }

    @Test func tokenBucketPacesSends() {
        var s = scheduler(window: 100, tps: 10)  // burst 10
        for i in 1...12 { s.enqueue(entry(UInt64(i))) }
        #expect(sentIDs(&s, now: t0).count == 10)
        guard case .wait(let until) = s.next(now: t0) else { Issue.record("expected wait"); return }
        #expect(until > t0 && until <= t0 + .milliseconds(101))
        #expect(sentIDs(&s, now: t0 + .milliseconds(100)) == [11])
        #expect(sentIDs(&s, now: t0 + .milliseconds(200)) == [12])
    }

    @Test func throttledRequestIsRetriedFirstAndBindPauses() {
        var s = scheduler(window: 2)
        for i in 1...4 { s.enqueue(entry(UInt64(i))) }
        #expect(sentIDs(&s, now: t0) == [1, 2])
        // Both in-flight requests come back throttled, in reverse order.
        guard case .retry(let pause) = s.responseReceived(sequenceNumber: 2, status: .throttled, now: t0) else {
            Issue.record("expected retry"); return
        }
        #expect(pause == .milliseconds(100))
        guard case .retry(let pause2) = s.responseReceived(sequenceNumber: 1, status: .messageQueueFull, now: t0) else {
            Issue.record("expected retry"); return
        }
        #expect(pause2 == .milliseconds(200))  // consecutive throttles back off exponentially
        guard case .wait(let until) = s.next(now: t0 + .milliseconds(50)) else { Issue.record("bind should be paused"); return }
        #expect(until == t0 + .milliseconds(200))
        // After the pause the original order is kept: 1, 2, then 3, 4.
        #expect(sentIDs(&s, now: t0 + .milliseconds(200)) == [1, 2])
        _ = s.responseReceived(sequenceNumber: 3, status: .ok, now: t0 + .milliseconds(200))
        _ = s.responseReceived(sequenceNumber: 4, status: .ok, now: t0 + .milliseconds(200))
        #expect(sentIDs(&s, now: t0 + .milliseconds(200)) == [3, 4])
    }

    @Test func throttleRetriesAreBounded() {
        var s = scheduler(window: 1, throttle: ThrottlePolicy(initialDelay: .milliseconds(10), maxDelay: .milliseconds(40), maxRetries: 1))
        s.enqueue(entry(1))
        guard case .send(let n1, _) = s.next(now: t0) else { Issue.record("send"); return }
        guard case .retry = s.responseReceived(sequenceNumber: n1, status: .throttled, now: t0) else { Issue.record("retry"); return }
        guard case .send(let n2, let e) = s.next(now: t0 + .seconds(1)) else { Issue.record("resend"); return }
        #expect(e.retries == 1)
        guard case .complete(let final) = s.responseReceived(sequenceNumber: n2, status: .throttled, now: t0 + .seconds(1)) else {
            Issue.record("second throttle should complete with the error"); return
        }
        #expect(final.id == 1)
    }

    @Test func throttleDelayIsCappedAndDecays() {
        var backoff = ThrottleBackoff(policy: ThrottlePolicy(initialDelay: .milliseconds(100), maxDelay: .milliseconds(300)))
        #expect(backoff.throttled(now: t0) == .milliseconds(100))
        #expect(backoff.throttled(now: t0) == .milliseconds(200))
        #expect(backoff.throttled(now: t0) == .milliseconds(300))
        #expect(backoff.throttled(now: t0) == .milliseconds(300))
        backoff.succeeded(now: t0 + .seconds(5))
        #expect(backoff.level == 0)
        #expect(backoff.throttled(now: t0 + .seconds(5)) == .milliseconds(100))
    }

    @Test func controlRequestsBypassWindow() {
        var s = scheduler(window: 1)
        s.enqueue(entry(1))
        _ = sentIDs(&s, now: t0)
        let control = s.sendControl(entry(100), now: t0, timeout: .seconds(1))
        #expect(control == 2)
        #expect(s.inFlightCount == 1)
        guard case .complete(let e) = s.responseReceived(sequenceNumber: control, status: .ok, now: t0) else {
            Issue.record("control completion"); return
        }
        #expect(e.id == 100)
        #expect(s.inFlightCount == 1)
    }

    @Test func cancelAndRemoveAll() {
        var s = scheduler(window: 1)
        for i in 1...3 { s.enqueue(entry(UInt64(i))) }
        _ = sentIDs(&s, now: t0)
        #expect(s.cancel(id: 1) == nil)  // already sent
        #expect(s.cancel(id: 2)?.context == "r2")
        let all = s.removeAll()
        #expect(all.unsent.map(\.id) == [3])
        #expect(all.inFlight.map(\.id) == [1])
        #expect(s.isEmpty)
    }

    @Test func reconnectBackoffGrowsWithJitterAndResets() {
        var backoff = ReconnectBackoff(policy: ReconnectPolicy(initialDelay: .seconds(1), maxDelay: .seconds(8), multiplier: 2, jitter: 0.5))
        #expect(backoff.nextDelay(unitRandom: 0.5) == .seconds(1))
        #expect(backoff.nextDelay(unitRandom: 0.5) == .seconds(2))
        #expect(backoff.nextDelay(unitRandom: 0.0) == .seconds(2))   // 4 s − 50 %
        #expect(backoff.nextDelay(unitRandom: 1.0) == .seconds(12))  // 8 s + 50 %
        #expect(backoff.nextDelay(unitRandom: 0.5) == .seconds(8))   // capped
        backoff.reset()
        #expect(backoff.nextDelay(unitRandom: 0.5) == .seconds(1))
    }
}
