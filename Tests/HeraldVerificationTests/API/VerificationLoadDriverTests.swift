import HeraldCore
import Testing

@Suite struct VerificationLoadDriverTests {
    /// The measuring core counts every start and finds every submission (timing itself is not judged here).
    @Test func everyStartIsFollowedToItsSubmission() async throws {
        try await VerificationAPIHarness.with { harness in
            let account = try await harness.newAccount(limits: AccountLimits(verificationsPerSecond: 1000, verificationBurst: 1000)).account
            let report = await VerificationLoadDriver.run(count: 300, concurrency: 16, recorder: harness.recorder) { index in
                let outcome = try await harness.verifications.start(
                    VerificationRequest(to: VerificationLoadDriver.scatteredNumber(index)), account: account, clientAddress: nil)
                return try #require(outcome.verification.currentMessageID)
            }
            #expect(report.started == 300)
            #expect(report.failures.isEmpty)
            #expect(report.unsubmitted == 0)
            #expect(report.startToSubmit.count == 300)
            #expect(report.startToAccepted.count == 300)
            #expect(report.apiLatency.p99 <= report.apiLatency.max)
            #expect(report.startToSubmit.p50 <= report.startToAccepted.p50)
            #expect(harness.gateway.submissions.count == 300)
            #expect(try await harness.fraud.activeBlocks(accountID: nil).isEmpty)
        }
    }

    @Test func scatteredNumbersFallInDifferentRanges() {
        let numbers = (0..<1000).map { VerificationLoadDriver.scatteredNumber($0) }
        #expect(Set(numbers).count == 1000)
        #expect(numbers.allSatisfy { $0.count == 14 && $0.hasPrefix("+4915") })
        let ranges = Dictionary(grouping: numbers) { $0.dropLast(3) }
        #expect(ranges.values.map(\.count).max() ?? 0 <= 2)
    }

    @Test func percentilesUseNearestRank() {
        let summary = LatencySummary((1...100).map { Duration.milliseconds($0) })
        #expect(summary.p50 == .milliseconds(50))
        #expect(summary.p99 == .milliseconds(99))
        #expect(summary.max == .milliseconds(100))
        #expect(LatencySummary([]).count == 0)
    }
}
