import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@Suite struct FraudGuardTests {
    /// A simulated pumping attack (sends across an adjacent range, never checked) mixed with normal traffic
    /// (scattered numbers, about 80 % approved): the attack is blocked, the normal traffic is not.
    @Test func pumpingIsBlockedWhileNormalTrafficFlows() async throws {
        let harness = try VerificationHarness()
        var pumpedAccepted = 0
        var pumpedBlocked = 0
        var normalAccepted = 0
        var normalApproved = 0
        let scattered = SequenceRandomSource(seed: 99)
        for index in 0..<3000 {
            harness.clock.advance(by: .milliseconds(200))
            let pumped = "+4477009\(String(format: "%05d", index))"
            do {
                _ = try await harness.service.start(VerificationRequest(to: pumped), account: harness.account, clientAddress: "198.51.100.66")
                pumpedAccepted += 1
            } catch let error as HeraldError {
                #expect(error.code == "fraud_prefix_blocked")
                #expect(error.category == .policyBlocked)
                pumpedBlocked += 1
            }
            if index % 3 == 0 {
                let digits = scattered.uniform(below: 900_000_000) + 100_000_000
                let normal = "+4915\(digits)"
                let verification = try await harness.service.start(VerificationRequest(to: normal), account: harness.account, clientAddress: "203.0.113.5").verification
                normalAccepted += 1
                if index % 15 != 0 {
                    let code = try #require(harness.code(of: verification))
                    #expect(try await harness.service.check(verification.id, code: code, account: harness.account).valid)
                    normalApproved += 1
                }
            }
        }
        // Three ranges of 1 000 numbers each; each is closed after the per-account burst threshold (20).
        #expect(pumpedAccepted <= 3 * 20)
        #expect(pumpedBlocked >= 2900)
        #expect(normalAccepted == 1000)
        #expect(Double(normalApproved) / Double(normalAccepted) > 0.75)

        let blocks = harness.store.blocks
        #expect(Set(blocks.map(\.prefix)) == ["447700900", "447700901", "447700902"])
        #expect(blocks.allSatisfy { $0.accountID == harness.account.id && $0.level == 1 })
        #expect(blocks.allSatisfy { $0.expiresAt.milliseconds(since: $0.createdAt) == 12 * 3_600_000 })
        let audit = harness.store.audit.filter { $0.action == "fraud.block" }
        #expect(audit.count == 3)
        #expect(audit.first?.actor == .system("fraud_guard"))
        #expect(audit.first?.details["prefix"]?.hasPrefix("4477009") == true)
        #expect(harness.metrics.counterTotal(label: "herald_fraud_blocks_total", dimensions: [("scope", "account")]) == 3)
        #expect(harness.logs.text.contains("fraud guard blocked a number range"))
    }

    @Test func normalTrafficConcentratedInOneRangeIsNotBlocked() async throws {
        let harness = try VerificationHarness()
        for index in 0..<200 {
            harness.clock.advance(by: .seconds(5))
            let verification = try await harness.service.start(
                VerificationRequest(to: "+44770090\(String(format: "%04d", index))"), account: harness.account, clientAddress: nil
            ).verification
            if index % 5 != 0 {
                _ = try await harness.service.check(verification.id, code: try #require(harness.code(of: verification)), account: harness.account)
            }
        }
        #expect(harness.store.blocks.isEmpty)
    }

    @Test func blocksSurviveARestart() async throws {
        let harness = try VerificationHarness()
        try await pump(harness, range: "+44770090", count: 25)
        #expect(harness.store.blocks.count == 1)
        // A new guard on the same store (a restarted node) enforces the stored block.
        let restarted = FraudGuard(
            configuration: FraudGuardConfiguration(), store: harness.store, clock: harness.clock, random: harness.random, logger: harness.logs.logger())
        let number = ResolvedNumber(e164: "+447700900555", regionCode: "GB", countryCallingCode: 44, numberType: "mobile")
        let error = await #expect(throws: HeraldError.self) {
            try await restarted.screen(restarted.target(for: number), e164: number.e164, accountID: harness.account.id)
        }
        #expect(error?.code == "fraud_prefix_blocked")
        #expect(error?.retryAfterSeconds != nil)
        // Other accounts are not affected by an account-scoped block.
        _ = try await restarted.screen(restarted.target(for: number), e164: number.e164, accountID: harness.other.id)
    }

    @Test func repeatedBlocksEscalate() async throws {
        let harness = try VerificationHarness()
        try await pump(harness, range: "+44770090", count: 25)
        harness.clock.advance(by: .seconds(12 * 3600 + 1))
        try await pump(harness, range: "+44770090", count: 25, offset: 100)
        let blocks = harness.store.blocks.sorted { $0.createdAt < $1.createdAt }
        #expect(blocks.map(\.level) == [1, 2])
        let second = try #require(blocks.last)
        #expect(second.expiresAt.milliseconds(since: second.createdAt) == Int64(24 * 3_600_000))
        #expect(FraudGuardConfiguration().blockLength(level: 10) == .seconds(7 * 86_400))
    }

    @Test func theSafeListBypassesTheGuard() async throws {
        let harness = try VerificationHarness()
        try await harness.fraud.addToSafeList(accountID: harness.account.id, value: "+44770090*", note: "QA devices", actor: .account(harness.account.id))
        try await pump(harness, range: "+44770090", count: 40)
        #expect(harness.store.blocks.isEmpty)
        #expect(harness.store.audit.contains { $0.action == "fraud.safe_list.add" })
        await #expect(throws: HeraldError.self) {
            try await harness.fraud.addToSafeList(accountID: harness.account.id, value: "+44", note: nil, actor: .account(harness.account.id))
        }
    }

    @Test func aLiftedBlockNoLongerApplies() async throws {
        let harness = try VerificationHarness()
        try await pump(harness, range: "+44770090", count: 25)
        let block = try #require(harness.store.blocks.first)
        #expect(try await harness.fraud.activeBlocks(accountID: harness.account.id).map(\.id) == [block.id])
        try await harness.fraud.lift(block.id, actor: .cli("ops"))
        #expect(try await harness.fraud.activeBlocks(accountID: harness.account.id).isEmpty)
        _ = try await harness.service.start(VerificationRequest(to: "+447700900999"), account: harness.account, clientAddress: nil)
        #expect(harness.store.audit.contains { $0.action == "fraud.unblock" })
    }

    @Test func pumpingAcrossAccountsBlocksTheRangeForEveryone() async throws {
        let harness = try VerificationHarness()
        var accounts: [Account] = []
        for index in 0..<6 {
            accounts.append(Account(
                id: AccountID.generate(at: harness.clock.now(), random: harness.random), name: "Tenant \(index)", webhookSecret: "whsec_\(index)",
                createdAt: harness.clock.now()))
        }
        var refused = 0
        // Each account stays below its own threshold (15 < 20); together they reach the global one (60).
        for round in 0..<15 {
            for (index, account) in accounts.enumerated() {
                harness.clock.advance(by: .seconds(1))
                do {
                    _ = try await harness.service.start(
                        VerificationRequest(to: "+44770090\(String(format: "%02d", index))\(String(format: "%02d", round))"), account: account, clientAddress: nil)
                } catch let error as HeraldError where error.code == "fraud_prefix_blocked" {
                    refused += 1
                }
            }
        }
        let block = try #require(harness.store.blocks.first)
        #expect(block.accountID == nil)
        #expect(refused == 90 - 59)
        #expect(harness.metrics.counterTotal(label: "herald_fraud_blocks_total", dimensions: [("scope", "global")]) == 1)
        // Even an account that never sent there is refused now.
        await #expect(throws: HeraldError.self) {
            try await harness.service.start(VerificationRequest(to: "+447700900777"), account: harness.account, clientAddress: nil)
        }
    }

    @Test func networksAreTrackedWithTheRange() {
        let number = ResolvedNumber(e164: "+447700900123", regionCode: "GB", countryCallingCode: 44, numberType: "mobile", mcc: "234", mnc: "15")
        let target = FraudTarget(number: number, suffixDigits: 3)
        #expect(target.prefix == "447700900")
        #expect(target.suffix == 123)
        #expect(target.key == "447700900/234-15")
        #expect(FraudTarget(number: number, suffixDigits: 20).prefix == "4477")
    }

    /// Sends `count` verifications to adjacent numbers of `range` with no checks, one per second.
    private func pump(_ harness: VerificationHarness, range: String, count: Int, offset: Int = 0) async throws {
        for index in 0..<count {
            harness.clock.advance(by: .seconds(1))
            do {
                _ = try await harness.service.start(
                    VerificationRequest(to: range + String(format: "%04d", index + offset)), account: harness.account, clientAddress: nil)
            } catch let error as HeraldError where error.code == "fraud_prefix_blocked" {}
        }
    }
}
