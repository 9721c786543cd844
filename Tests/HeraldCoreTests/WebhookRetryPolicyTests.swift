import HeraldCore
import Testing

@Suite struct WebhookRetryPolicyTests {
    @Test func delaysDoubleUpToTheCap() {
        let policy = WebhookRetryPolicy()
        #expect(policy.delay(afterAttempts: 1) == .seconds(10))
        #expect(policy.delay(afterAttempts: 2) == .seconds(20))
        #expect(policy.delay(afterAttempts: 9) == .seconds(2560))
        #expect(policy.delay(afterAttempts: 10) == .seconds(3600))
        #expect(policy.delay(afterAttempts: 19) == .seconds(3600))
    }

    /// The documented span (docs/webhooks.md, the type's comment): about 11.4 hours for 20 attempts.
    @Test func theDefaultScheduleSpansAbout11Point4Hours() {
        let policy = WebhookRetryPolicy()
        let total = (1..<policy.maximumAttempts).reduce(Duration.zero) { $0 + policy.delay(afterAttempts: $1) }
        #expect(total == .seconds(41_110))  // 11 h 25 min 10 s
    }
}
