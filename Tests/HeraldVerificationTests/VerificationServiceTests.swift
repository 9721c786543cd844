import HeraldCore
import HeraldTestSupport
import Testing

@Suite struct VerificationServiceTests {
    let to = "+4915123456789"

    @Test func startSendsACodeThatIsNeverStored() async throws {
        let harness = try VerificationHarness()
        let started = try await harness.service.start(VerificationRequest(to: to, codeLength: 10), account: harness.account, clientAddress: "203.0.113.7")
        let verification = started.verification
        #expect(!started.isResend)
        #expect(verification.status == .pending)
        #expect(verification.expiresAt == harness.clock.now().adding(seconds: 600))
        let code = try #require(harness.code(of: verification))
        #expect(code.count == 10)

        let message = try #require(harness.store.storedMessages.first)
        #expect(message.body == nil)
        #expect(message.bodyPolicy == .ephemeral)
        #expect(message.channel == .verification)
        #expect(message.verificationID == verification.id.rawValue)
        #expect(message.callbackURL == nil)
        #expect(message.validUntil == verification.expiresAt)

        #expect(harness.store.webhooks.map(\.eventType) == ["verification.pending"])
        #expect(harness.store.webhooks.first?.url == "https://hooks.acme.example/herald")
        let stored = try HeraldJSON.text(harness.store.verifications) + HeraldJSON.text(harness.store.storedMessages)
            + harness.store.webhooks.map(\.payload).joined() + HeraldJSON.text(VerificationResource(verification))
        #expect(!stored.contains(code))
        #expect(!harness.logs.text.contains(code))
        #expect(!harness.logs.text.contains(to))
    }

    @Test func theRightCodeApprovesOnceAndAReplayFails() async throws {
        let harness = try VerificationHarness()
        let verification = try await harness.service.start(VerificationRequest(to: to), account: harness.account, clientAddress: nil).verification
        let code = try #require(harness.code(of: verification))

        let wrong = try await harness.service.check(verification.id, code: VerificationHarness.wrong(code), account: harness.account)
        #expect(!wrong.valid)
        #expect(wrong.verification.status == .pending)
        #expect(wrong.verification.checks == 1)

        let right = try await harness.service.check(verification.id, code: code, account: harness.account)
        #expect(right.valid)
        #expect(right.verification.status == .approved)
        #expect(right.verification.approvedAt != nil)
        #expect(right.verification.codeHash == nil)
        // The SMS body is gone from memory too.
        #expect(harness.body(of: verification) == nil)

        let replay = await #expect(throws: HeraldError.self) {
            try await harness.service.check(verification.id, code: code, account: harness.account)
        }
        #expect(replay?.code == "not_found")
        #expect(harness.store.webhooks.map(\.eventType) == ["verification.pending", "verification.approved"])
        #expect(!harness.store.webhooks.map(\.payload).joined().contains(code))
    }

    @Test func bruteForceIsStoppedAfterFiveChecks() async throws {
        let harness = try VerificationHarness()
        let verification = try await harness.service.start(VerificationRequest(to: to), account: harness.account, clientAddress: nil).verification
        let code = try #require(harness.code(of: verification))
        let wrong = VerificationHarness.wrong(code)
        for attempt in 1...4 {
            let outcome = try await harness.service.check(verification.id, code: wrong, account: harness.account)
            #expect(!outcome.valid)
            #expect(outcome.verification.status == .pending, "attempt \(attempt)")
        }
        let fifth = try await harness.service.check(verification.id, code: wrong, account: harness.account)
        #expect(fifth.verification.status == .maxAttemptsReached)

        // The sixth check is refused, even with the right code.
        let sixth = await #expect(throws: HeraldError.self) {
            try await harness.service.check(verification.id, code: code, account: harness.account)
        }
        #expect(sixth?.code == "max_check_attempts_reached")
        #expect(sixth?.category == .conflict)
        #expect(try await harness.service.verification(verification.id, account: harness.account).status == .maxAttemptsReached)

        let audit = harness.store.audit.filter { $0.action == "security.brute_force_stopped" }
        #expect(audit.count == 1)
        #expect(audit.first?.target == "verification:\(verification.id.rawValue)")
        #expect(!(try HeraldJSON.text(audit)).contains(code))
        #expect(!(try HeraldJSON.text(audit)).contains(to))
        #expect(harness.store.webhooks.last?.eventType == "verification.max_attempts_reached")
        #expect(harness.metrics.counterTotal(label: "herald_verification_checks_total", dimensions: [("result", "refused")]) == 1)
    }

    @Test func concurrentChecksNeverExceedTheLimit() async throws {
        let harness = try VerificationHarness()
        let verification = try await harness.service.start(VerificationRequest(to: to), account: harness.account, clientAddress: nil).verification
        let wrong = VerificationHarness.wrong(try #require(harness.code(of: verification)))
        let answered = await withTaskGroup(of: Bool.self, returning: Int.self) { group in
            for _ in 0..<20 {
                group.addTask { (try? await harness.service.check(verification.id, code: wrong, account: harness.account)) != nil }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(answered == 5)
        #expect(try await harness.service.verification(verification.id, account: harness.account).checks == 5)
    }

    @Test func codesExpireAfterTheirLifetime() async throws {
        let harness = try VerificationHarness()
        let verification = try await harness.service.start(VerificationRequest(to: to), account: harness.account, clientAddress: nil).verification
        let code = try #require(harness.code(of: verification))
        harness.clock.advance(by: .seconds(600))
        let error = await #expect(throws: HeraldError.self) {
            try await harness.service.check(verification.id, code: code, account: harness.account)
        }
        #expect(error?.code == "not_found")
        let read = try await harness.service.verification(verification.id, account: harness.account)
        #expect(read.status == .expired)
        #expect(read.codeHash == nil)
        #expect(harness.store.webhooks.map(\.eventType) == ["verification.pending", "verification.expired"])
    }

    @Test func theSweeperExpiresAndReportsOnTime() async throws {
        let harness = try VerificationHarness()
        let short = try await harness.service.start(VerificationRequest(to: to, lifetimeSeconds: 60), account: harness.account, clientAddress: nil).verification
        let long = try await harness.service.start(VerificationRequest(to: "+4915123456780"), account: harness.account, clientAddress: nil).verification
        harness.clock.advance(by: .seconds(61))
        #expect(try await harness.service.expireDue() == 1)
        #expect(try await harness.service.verification(short.id, account: harness.account).status == .expired)
        #expect(try await harness.service.verification(long.id, account: harness.account).status == .pending)
        #expect(harness.body(of: short) == nil)
    }

    @Test func aWrongCodeAndAnExpiredOrForeignVerificationAnswerUniformly() async throws {
        let harness = try VerificationHarness()
        let verification = try await harness.service.start(VerificationRequest(to: to), account: harness.account, clientAddress: nil).verification
        let code = try #require(harness.code(of: verification))
        let foreign = await #expect(throws: HeraldError.self) {
            try await harness.service.check(verification.id, code: code, account: harness.other)
        }
        let unknown = await #expect(throws: HeraldError.self) {
            try await harness.service.check(VerificationID.generate(at: harness.clock.now(), random: harness.random), code: code, account: harness.account)
        }
        #expect(foreign == unknown)
        #expect(foreign?.category == .notFound)
        // The foreign attempt did not count against the owner.
        #expect(try await harness.service.verification(verification.id, account: harness.account).checks == 0)
        let read = await #expect(throws: HeraldError.self) {
            try await harness.service.verification(verification.id, account: harness.other)
        }
        #expect(read?.category == .notFound)
    }

    @Test func aResendIssuesANewCodeOnTheSameVerification() async throws {
        let harness = try VerificationHarness()
        let first = try await harness.service.start(VerificationRequest(to: to), account: harness.account, clientAddress: nil).verification
        let firstCode = try #require(harness.code(of: first))
        harness.clock.advance(by: .seconds(30))
        let second = try await harness.service.start(VerificationRequest(to: to, locale: "de"), account: harness.account, clientAddress: nil)
        #expect(second.isResend)
        #expect(second.verification.id == first.id)
        #expect(second.verification.sends.count == 2)
        #expect(second.verification.locale == "de")
        #expect(second.verification.expiresAt == harness.clock.now().adding(seconds: 600))
        let secondCode = try #require(harness.code(of: second.verification))
        // The first SMS, if still waiting, is not sent any more.
        #expect(harness.vault.body(for: first.sends[0].messageID) == nil)
        #expect(harness.body(of: second.verification)?.contains("Bestätigungscode") == true)
        if firstCode != secondCode {
            let stale = try await harness.service.check(first.id, code: firstCode, account: harness.account)
            #expect(!stale.valid)
        }
        let fresh = try await harness.service.check(first.id, code: secondCode, account: harness.account)
        #expect(fresh.valid)
        // Another account's verification for the same number is separate.
        let others = try await harness.service.start(VerificationRequest(to: to), account: harness.other, clientAddress: nil)
        #expect(!others.isResend)
        #expect(others.verification.id != first.id)
    }

    @Test func atMostFiveSendsPerNumberPerTenMinutes() async throws {
        let harness = try VerificationHarness()
        for _ in 0..<5 {
            _ = try await harness.service.start(VerificationRequest(to: to), account: harness.account, clientAddress: nil)
            harness.clock.advance(by: .seconds(60))
        }
        let refused = await #expect(throws: HeraldError.self) {
            try await harness.service.start(VerificationRequest(to: to), account: harness.account, clientAddress: nil)
        }
        #expect(refused?.code == "too_many_sends")
        #expect(refused?.category == .rateLimited)
        // The first send leaves the window 600 s after it was made; 300 s have passed.
        #expect(refused?.retryAfterSeconds == 300)
        harness.clock.advance(by: .seconds(300))
        #expect(try await harness.service.start(VerificationRequest(to: to), account: harness.account, clientAddress: nil).isResend)
    }

    @Test func tokenBucketsAnswer429WithRetryAfter() async throws {
        var limits = VerificationRateLimits.unlimited
        limits.perNumber = RateLimit.perInterval(2, .seconds(60))
        let harness = try VerificationHarness(rateLimits: limits)
        _ = try await harness.service.start(VerificationRequest(to: to), account: harness.account, clientAddress: nil)
        _ = try await harness.service.start(VerificationRequest(to: to), account: harness.other, clientAddress: nil)
        let refused = await #expect(throws: HeraldError.self) {
            try await harness.service.start(VerificationRequest(to: to), account: harness.account, clientAddress: nil)
        }
        #expect(refused?.code == "rate_limited")
        #expect(refused?.retryAfterSeconds == 30)
    }

    @Test func accountLimitsAndEndUserLimitsApply() async throws {
        var limits = VerificationRateLimits.unlimited
        limits.perEndUserAddress = RateLimit(capacity: 1, refillPerSecond: 0.01)
        let harness = try VerificationHarness(rateLimits: limits, accountLimits: AccountLimits(verificationsPerSecond: 1, verificationBurst: 3))
        _ = try await harness.service.start(VerificationRequest(to: "+4915100000001", endUserIP: "198.51.100.9"), account: harness.account, clientAddress: nil)
        let perUser = await #expect(throws: HeraldError.self) {
            try await harness.service.start(VerificationRequest(to: "+4915100000002", endUserIP: "198.51.100.9"), account: harness.account, clientAddress: nil)
        }
        #expect(perUser?.code == "rate_limited")
        _ = try await harness.service.start(VerificationRequest(to: "+4915100000003"), account: harness.account, clientAddress: nil)
        _ = try await harness.service.start(VerificationRequest(to: "+4915100000004"), account: harness.account, clientAddress: nil)
        let perAccount = await #expect(throws: HeraldError.self) {
            try await harness.service.start(VerificationRequest(to: "+4915100000005"), account: harness.account, clientAddress: nil)
        }
        #expect(perAccount?.retryAfterSeconds == 1)
    }

    @Test func geoPermissionsAreEnforced() async throws {
        let harness = try VerificationHarness(countryPermissions: CountryPermissions(mode: .allowListed, regions: ["DE", "FR"]))
        _ = try await harness.service.start(VerificationRequest(to: to), account: harness.account, clientAddress: nil)
        let refused = await #expect(throws: HeraldError.self) {
            try await harness.service.start(VerificationRequest(to: "+447700900123"), account: harness.account, clientAddress: nil)
        }
        #expect(refused?.code == "country_not_permitted")
        #expect(refused?.category == .policyBlocked)
    }

    @Test func cancelStopsTheCode() async throws {
        let harness = try VerificationHarness()
        let verification = try await harness.service.start(VerificationRequest(to: to), account: harness.account, clientAddress: nil).verification
        let code = try #require(harness.code(of: verification))
        let canceled = try await harness.service.cancel(verification.id, account: harness.account)
        #expect(canceled.status == .canceled)
        #expect(harness.body(of: verification) == nil)
        let check = await #expect(throws: HeraldError.self) { try await harness.service.check(verification.id, code: code, account: harness.account) }
        #expect(check?.code == "not_found")
        let again = await #expect(throws: HeraldError.self) { try await harness.service.cancel(verification.id, account: harness.account) }
        #expect(again?.code == "verification_not_pending")
        #expect(harness.store.webhooks.map(\.eventType) == ["verification.pending", "verification.canceled"])
    }

    @Test func requestsAreValidated() async throws {
        let harness = try VerificationHarness()
        let cases: [(VerificationRequest, String)] = [
            (VerificationRequest(to: "12345"), "invalid_destination"),
            (VerificationRequest(to: to, channel: "voice"), "unsupported_channel"),
            (VerificationRequest(to: to, codeLength: 3), "invalid_code_length"),
            (VerificationRequest(to: to, codeLength: 11), "invalid_code_length"),
            (VerificationRequest(to: to, locale: "xx"), "unsupported_locale"),
            (VerificationRequest(to: to, template: "marketing"), "unknown_template"),
            (VerificationRequest(to: to, brand: "Visit evil.example now"), "invalid_brand"),
            (VerificationRequest(to: to, brand: "Acme\nClick"), "invalid_brand"),
            (VerificationRequest(to: to, appHash: "short"), "invalid_app_hash"),
            (VerificationRequest(to: to, domain: "https://acme.example/path"), "invalid_domain"),
            (VerificationRequest(to: to, callbackURL: "ftp://acme.example"), "invalid_callback_url"),
            (VerificationRequest(to: to, lifetimeSeconds: 30), "invalid_lifetime"),
            (VerificationRequest(to: to, lifetimeSeconds: 1801), "invalid_lifetime"),
            (VerificationRequest(to: to, endUserIP: "not-an-ip"), "invalid_end_user_ip"),
        ]
        for (request, expected) in cases {
            let error = await #expect(throws: HeraldError.self) { try await harness.service.start(request, account: harness.account, clientAddress: nil) }
            #expect(error?.code == expected, "\(request)")
        }
        let malformed = await #expect(throws: HeraldError.self) {
            try await harness.service.check(VerificationID.generate(at: harness.clock.now(), random: harness.random), code: "12a456", account: harness.account)
        }
        #expect(malformed?.code == "invalid_code")
        #expect(harness.store.verifications.isEmpty)
    }

    @Test func retrieverAndWebOTPLinesAreAdded() async throws {
        let harness = try VerificationHarness()
        let verification = try await harness.service.start(
            VerificationRequest(to: to, brand: "Acme", appHash: "FA+9qCX9VSu", domain: "Acme.Example"), account: harness.account, clientAddress: nil
        ).verification
        let body = try #require(harness.body(of: verification))
        let code = try #require(harness.code(of: verification))
        #expect(body.hasPrefix("<#> \(code) is your Acme"))
        #expect(body.hasSuffix("\nFA+9qCX9VSu\n@acme.example #\(code)"))
    }

    @Test func analyticsGroupByCountryAndPrefix() async throws {
        let harness = try VerificationHarness()
        let start = harness.clock.now()
        for number in ["+4915123456789", "+4915123456780", "+447700900123"] {
            let verification = try await harness.service.start(VerificationRequest(to: number), account: harness.account, clientAddress: nil).verification
            if number.hasPrefix("+49") {
                _ = try await harness.service.check(verification.id, code: try #require(harness.code(of: verification)), account: harness.account)
            }
        }
        let report = try await harness.service.statistics(VerificationStatisticsQuery(
            accountID: harness.account.id, from: start, to: start.adding(seconds: 60), groupBy: .country))
        #expect(report.totals.verifications == 3)
        #expect(report.totals.approved == 2)
        #expect(report.groups.map(\.key) == ["DE", "GB"])
        #expect(report.groups.first?.conversionRate == 1)
        let byPrefix = try await harness.service.statistics(VerificationStatisticsQuery(
            accountID: harness.account.id, from: start, to: start.adding(seconds: 60), groupBy: .prefix))
        #expect(byPrefix.groups.first?.key == "4915123456")
        #expect(byPrefix.groups.first?.verifications == 2)
        await #expect(throws: HeraldError.self) {
            try await harness.service.statistics(VerificationStatisticsQuery(accountID: harness.account.id, from: start, to: start, groupBy: .country))
        }
    }
}
