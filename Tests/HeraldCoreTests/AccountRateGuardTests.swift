import HeraldCore
import Testing

@Suite struct AccountRateGuardTests {
    func context(_ limits: AccountLimits) -> SendContext {
        let account = Account(
            id: AccountID(unchecked: "acc_01kdvdna00aafgy4tqcx94f573"), name: "Acme", webhookSecret: "whsec_x", limits: limits,
            createdAt: Timestamp(millisecondsSince1970: 0))
        return SendContext(
            account: account, destination: ResolvedNumber(e164: "+4915123456789", regionCode: "DE", countryCallingCode: 49), sender: "Acme",
            channel: .http, clientAddress: nil)
    }

    func refusal(_ body: () async throws -> Void) async -> HeraldError? {
        do {
            try await body()
            return nil
        } catch let error as HeraldError {
            return error
        } catch {
            return nil
        }
    }

    @Test func theRateAndItsBurstAreEnforced() async throws {
        let clock = ManualClock()
        let guardian = AccountRateGuard(limiter: InMemoryRateLimiter(clock: clock))
        let sending = context(AccountLimits(messagesPerSecond: 1, messageBurst: 3))
        for _ in 0..<3 { try await guardian.check(sending) }
        let refused = await refusal { try await guardian.check(sending) }
        #expect(refused?.code == "rate_limited")
        #expect(refused?.retryAfterSeconds == 1)
        clock.advance(by: .seconds(1))
        try await guardian.check(sending)
    }

    @Test func theDailyVolumeIsEnforcedAndRefillsOverTheDay() async throws {
        let clock = ManualClock()
        let guardian = AccountRateGuard(limiter: InMemoryRateLimiter(clock: clock))
        let sending = context(AccountLimits(messagesPerSecond: 1000, messageBurst: 1000, messagesPerDay: 24))
        for _ in 0..<24 { try await guardian.check(sending) }
        let refused = await refusal { try await guardian.check(sending) }
        #expect(refused?.code == "rate_limited")
        #expect(refused?.message.contains("per 24 hours") == true)
        // One message's share of the day: 3600 s.
        #expect(refused?.retryAfterSeconds == 3600)
        clock.advance(by: .seconds(3600))
        try await guardian.check(sending)
    }
}
