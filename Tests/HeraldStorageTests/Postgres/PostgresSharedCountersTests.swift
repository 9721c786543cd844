import HeraldCore
import HeraldPostgres
import Logging
import Testing

/// Rate limits and fraud-guard traffic counted in PostgreSQL: two nodes (two stores on one schema) share one
/// budget per key and see each other's sends.
@Suite(.enabled(if: PostgresBackend.configuredURL != nil, "set HERALD_TEST_POSTGRES_URL to run the PostgreSQL tests"))
struct PostgresSharedCountersTests {
    @Test func twoLimitersOnOneSchemaShareOneBudget() async throws {
        try await PostgresConcurrencyTests.withTwoNodes { a, b, _ in
            let clock = ManualClock()
            let first = PostgresRateLimiter(store: a, clock: clock)
            let second = PostgresRateLimiter(store: b, clock: clock)
            let limit = RateLimit(capacity: 10, refillPerSecond: 1)
            let decisions = try await withThrowingTaskGroup(of: RateLimitDecision.self, returning: [RateLimitDecision].self) { group in
                for n in 0..<30 {
                    let limiter = n % 2 == 0 ? first : second
                    group.addTask { try await limiter.acquire(key: "verify:number:+447700900123", limit: limit) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(decisions.filter(\.isAllowed).count == 10, "the two nodes spent more (or less) than the one budget")
            let refused = try #require(decisions.first { !$0.isAllowed })
            #expect(refused.retryAfter == .seconds(1))

            // Tokens refill in SQL from the time passed; a denied request takes nothing.
            clock.advance(by: .milliseconds(2500))
            #expect(try await first.acquire(key: "verify:number:+447700900123", limit: limit).isAllowed)
            #expect(try await second.acquire(key: "verify:number:+447700900123", limit: limit).isAllowed)
            let third = try await first.acquire(key: "verify:number:+447700900123", limit: limit)
            #expect(!third.isAllowed)
            #expect(third.retryAfter == .milliseconds(500))
            // Other keys have budgets of their own; a cost above the capacity never passes.
            #expect(try await second.acquire(key: "verify:number:+447700900124", limit: limit).remaining == 9)
            let tooMuch = try await second.acquire(key: "verify:number:+447700900125", cost: 11, limit: limit)
            #expect(!tooMuch.isAllowed)
            #expect(tooMuch.remaining == 10)
            #expect(tooMuch.retryAfter == .seconds(86_400))
        }
    }

    /// The same requests at the same times get the same answers from the shared limiter as from the
    /// in-memory one (the refill arithmetic is the same, only where it runs differs).
    @Test func decisionsMatchTheInMemoryLimiter() async throws {
        try await PostgresConcurrencyTests.withTwoNodes { a, _, _ in
            let clock = ManualClock()
            let shared = PostgresRateLimiter(store: a, clock: clock)
            let local = InMemoryRateLimiter(clock: clock)
            let limits = [RateLimit(capacity: 5, refillPerSecond: 0.5), .perInterval(3, .seconds(60)), RateLimit(capacity: 2, refillPerSecond: 0)]
            var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
            func next(_ bound: Int) -> Int {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int((seed >> 33) % UInt64(bound))
            }
            for step in 0..<200 {
                let limit = limits[next(limits.count)]
                let key = "key-\(next(4))-\(limit.capacity)"
                let cost = next(4)
                let expected = try await local.acquire(key: key, cost: cost, limit: limit)
                let answered = try await shared.acquire(key: key, cost: cost, limit: limit)
                #expect(answered == expected, "step \(step): \(key) cost \(cost)")
                clock.advance(by: .milliseconds(Int64(next(3000))))
            }
        }
    }

    @Test func fullBucketsArePruned() async throws {
        try await PostgresConcurrencyTests.withTwoNodes { a, _, _ in
            let clock = ManualClock()
            let limiter = PostgresRateLimiter(store: a, clock: clock, pruneEvery: 2)
            let limit = RateLimit(capacity: 2, refillPerSecond: 1)
            _ = try await limiter.acquire(key: "k1", limit: limit)
            clock.advance(by: .seconds(10))
            _ = try await limiter.acquire(key: "k2", limit: limit)  // the second acquisition prunes k1, full by now
            let decision = try await limiter.acquire(key: "k1", limit: limit)
            #expect(decision.isAllowed)
            #expect(decision.remaining == 1)
        }
    }

    @Test func twoFraudCountersSeeEachOthersSendsAndApprovals() async throws {
        try await PostgresConcurrencyTests.withTwoNodes { a, b, _ in
            let clock = ManualClock()
            let configuration = FraudGuardConfiguration()
            let first = PostgresFraudTrafficCounter(store: a, configuration: configuration)
            let second = PostgresFraudTrafficCounter(store: b, configuration: configuration)
            let range = "acc_x|447700900"
            let global = "*|447700900"
            let start = clock.now()
            for n in 0..<6 {
                let counter = n % 2 == 0 ? first : second
                _ = try await counter.recordSend(rangeKeys: [range, global], accountKey: "acc_x", suffix: UInt32(n % 4), at: clock.now())
                clock.advance(by: .seconds(1))
            }
            try await second.recordApproval(rangeKeys: [range, global], accountKey: "acc_x", suffix: 0, sentAt: start, at: clock.now())
            let snapshot = try await first.recordSend(rangeKeys: [range, global], accountKey: "acc_x", suffix: 9, at: clock.now())
            #expect(snapshot.ranges[range]?.window == FraudTrafficTotals(sends: 7, approvals: 1, distinctNumbers: 5))
            #expect(snapshot.ranges[global]?.history == FraudTrafficTotals(sends: 7, approvals: 1))
            #expect(snapshot.account == FraudTrafficTotals(sends: 7, approvals: 1))

            // The short window moves on; the long one still counts the sends.
            clock.advance(by: configuration.window)
            let later = try await second.recordSend(rangeKeys: [range, global], accountKey: "acc_x", suffix: 1, at: clock.now())
            #expect(later.ranges[range]?.window == FraudTrafficTotals(sends: 1, approvals: 0, distinctNumbers: 1))
            #expect(later.ranges[range]?.history.sends == 8)

            // A reset (after a block) forgets one scope for every node.
            try await first.resetRange(range)
            let reset = try await second.recordSend(rangeKeys: [range, global], accountKey: "acc_x", suffix: 1, at: clock.now())
            #expect(reset.ranges[range]?.history.sends == 1)
            #expect(reset.ranges[global]?.history.sends == 9)
        }
    }

    /// The same sends and approvals (each send approved once at most) at the same times give the same counts
    /// in PostgreSQL as in memory (the window bucket of 60 s divides the baseline bucket of 1 h).
    @Test func fraudCountsMatchTheInMemoryCounter() async throws {
        try await PostgresConcurrencyTests.withTwoNodes { a, _, _ in
            let clock = ManualClock()
            var configuration = FraudGuardConfiguration()
            configuration.window = .seconds(600)
            configuration.baselineWindow = .seconds(3 * 3600)
            let shared = PostgresFraudTrafficCounter(store: a, configuration: configuration)
            let local = InMemoryFraudTrafficCounter(configuration: configuration)
            var seed: UInt64 = 42
            func next(_ bound: Int) -> Int {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int((seed >> 33) % UInt64(bound))
            }
            var sent: [(range: Int, suffix: UInt32, at: Timestamp)] = []
            for step in 0..<150 {
                let range = next(2)
                let keys = ["acc_x|4477009\(range)", "*|4477009\(range)"]
                if next(3) == 0, !sent.isEmpty {
                    // A verification is approved once at most.
                    let send = sent.remove(at: next(sent.count))
                    let approvalKeys = ["acc_x|4477009\(send.range)", "*|4477009\(send.range)"]
                    try await local.recordApproval(rangeKeys: approvalKeys, accountKey: "acc_x", suffix: send.suffix, sentAt: send.at, at: clock.now())
                    try await shared.recordApproval(rangeKeys: approvalKeys, accountKey: "acc_x", suffix: send.suffix, sentAt: send.at, at: clock.now())
                } else {
                    let suffix = UInt32(next(6))
                    let expected = try await local.recordSend(rangeKeys: keys, accountKey: "acc_x", suffix: suffix, at: clock.now())
                    let counted = try await shared.recordSend(rangeKeys: keys, accountKey: "acc_x", suffix: suffix, at: clock.now())
                    #expect(counted == expected, "step \(step)")
                    sent.append((range, suffix, clock.now()))
                }
                clock.advance(by: .seconds(Int64(next(240))))
            }
        }
    }

    @Test func twoFraudGuardsBlockABurstSpreadOverBothNodes() async throws {
        try await PostgresConcurrencyTests.withTwoNodes { a, b, _ in
            let clock = ManualClock()
            var configuration = FraudGuardConfiguration()
            configuration.global = nil
            var logger = Logger(label: "test.fraud")
            logger.logLevel = .critical
            let random = SystemRandomSource()
            let guards = [a, b].map { store in
                FraudGuard(
                    configuration: configuration, store: store, traffic: PostgresFraudTrafficCounter(store: store, configuration: configuration),
                    clock: clock, random: random, logger: logger)
            }
            let account = AccountID(unchecked: "acc_01kdvdna00aafgy4tqcx94f573")
            var blockedAt: Int?
            for n in 0..<40 {
                let number = ResolvedNumber(e164: "+44770090\(String(format: "%04d", 1000 + n))", regionCode: "GB", countryCallingCode: 44)
                let node = guards[n % 2]
                let target = node.target(for: number)
                do {
                    _ = try await node.screen(target, e164: number.e164, accountID: account)
                    try await node.recordSend(target, accountID: account)
                } catch let error as HeraldError where error.code == "fraud_prefix_blocked" {
                    blockedAt = n
                    break
                }
                clock.advance(by: .seconds(5))
            }
            // Each node alone saw only half of the 20 sends the per-account threshold needs.
            #expect(blockedAt == configuration.perAccount.minimumSends - 1)
        }
    }
}
