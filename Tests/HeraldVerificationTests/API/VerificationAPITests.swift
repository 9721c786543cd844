import Foundation
import HeraldCore
import HeraldHTTP
import HeraldSQLite
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct VerificationAPITests {
    /// The id and the latest message id of a verification answer.
    static func ids(_ response: TestResponse) throws -> (id: String, message: String) {
        let id = try #require(response.json["id"] as? String)
        let sends = try #require(response.json["sends"] as? [[String: Any]])
        return (id, try #require(sends.last?["message_id"] as? String))
    }

    @Test func fullLifecycleAndTheCodeIsNowhere() async throws {
        try await VerificationAPIHarness.with { harness in
            let (account, key) = try await harness.newAccount()
            try await harness.test { client in
                var responses: [String] = []
                let started = try await client.call(
                    .post, "/v1/verifications", key: key,
                    json: #"{"to":"+4915123456789","code_length":10,"brand":"Acme","locale":"fr","callback_url":"https://acme.example/verify"}"#)
                responses.append(started.text)
                #expect(started.status == .created)
                let (id, messageID) = try Self.ids(started)
                #expect(started.headers[.location] == "/v1/verifications/\(id)")
                #expect(started.json["status"] as? String == "pending")
                #expect(started.json["object"] as? String == "verification")
                #expect(started.json["locale"] as? String == "fr")
                #expect(started.json["code_length"] as? Int == 10)

                // The code's only way out: the SMS the carrier received.
                let sms = try await harness.submittedBody(messageID)
                let code = try #require(VerificationHarness.code(in: sms, length: 10))
                #expect(sms.hasPrefix("\(code) est votre code de vérification Acme"))

                let wrong = try await client.call(.post, "/v1/verifications/\(id)/check", key: key, json: #"{"code":"\#(VerificationHarness.wrong(code))"}"#)
                responses.append(wrong.text)
                #expect(wrong.status == .ok)
                #expect(wrong.json["valid"] as? Bool == false)
                #expect(wrong.json["status"] as? String == "pending")

                let right = try await client.call(.post, "/v1/verifications/\(id)/check", key: key, json: #"{"code":"\#(code)"}"#)
                responses.append(right.text)
                #expect(right.status == .ok)
                #expect(right.json["valid"] as? Bool == true)
                #expect(right.json["status"] as? String == "approved")

                let replay = try await client.call(.post, "/v1/verifications/\(id)/check", key: key, json: #"{"code":"\#(code)"}"#)
                responses.append(replay.text)
                replay.problem(404, "not_found")

                let read = try await client.call(.get, "/v1/verifications/\(id)", key: key)
                responses.append(read.text)
                #expect(read.json["status"] as? String == "approved")
                #expect(read.json["checks"] as? Int == 2)

                // Webhooks were written with the changes, to the request's callback URL, without the code.
                let webhooks = try await harness.store.webhookDeliveries(accountID: account.id, limit: 10)
                #expect(Set(webhooks.map(\.eventType)) == ["verification.pending", "verification.approved"])
                #expect(webhooks.allSatisfy { $0.url == "https://acme.example/verify" })

                // Nowhere: not in the database files, not in any log line, not in any answer.
                let message = try await harness.store.message(try #require(MessageID(messageID)), accountID: account.id)
                #expect(message?.body == nil)
                #expect(message?.status == .submitted)
                #expect(!(try harness.databaseBytes()).contains(bytes: Array(code.utf8)))
                #expect(!harness.logs.text.contains(code))
                #expect(!harness.logs.text.isEmpty)
                #expect(!responses.joined().contains(code))
                #expect(!webhooks.map(\.payload).joined().contains(code))
            }
        }
    }

    @Test func bruteForceIsStoppedAtTheSixthCheck() async throws {
        try await VerificationAPIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                let started = try await client.call(.post, "/v1/verifications", key: key, json: #"{"to":"+4915123456789"}"#)
                let (id, messageID) = try Self.ids(started)
                let code = try #require(VerificationHarness.code(in: try await harness.submittedBody(messageID), length: 6))
                let wrong = VerificationHarness.wrong(code)
                var last: TestResponse?
                for _ in 1...5 {
                    last = try await client.call(.post, "/v1/verifications/\(id)/check", key: key, json: #"{"code":"\#(wrong)"}"#)
                    #expect(last?.status == .ok)
                }
                #expect(last?.json["status"] as? String == "max_attempts_reached")
                try await client.call(.post, "/v1/verifications/\(id)/check", key: key, json: #"{"code":"\#(code)"}"#)
                    .problem(409, "max_check_attempts_reached")
                #expect(try await client.call(.get, "/v1/verifications/\(id)", key: key).json["status"] as? String == "max_attempts_reached")

                let audit = try await harness.store.auditEvents().map(\.event)
                let stopped = audit.filter { $0.action == "security.brute_force_stopped" }
                #expect(stopped.count == 1)
                #expect(stopped.first?.target == "verification:\(id)")
            }
        }
    }

    @Test func expiryUsesTheInjectedClock() async throws {
        try await VerificationAPIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                let started = try await client.call(.post, "/v1/verifications", key: key, json: #"{"to":"+4915123456789","lifetime_seconds":120}"#)
                let (id, messageID) = try Self.ids(started)
                let code = try #require(VerificationHarness.code(in: try await harness.submittedBody(messageID), length: 6))
                #expect(started.json["lifetime_seconds"] as? Int == 120)
                harness.clock.advance(by: .seconds(120))
                try await client.call(.post, "/v1/verifications/\(id)/check", key: key, json: #"{"code":"\#(code)"}"#).problem(404, "not_found")
                let read = try await client.call(.get, "/v1/verifications/\(id)", key: key)
                #expect(read.json["status"] as? String == "expired")
            }
        }
    }

    @Test func otherAccountsAndMalformedIdsGetTheSameAnswerAsUnknownIds() async throws {
        try await VerificationAPIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            let (_, otherKey) = try await harness.newAccount("Other")
            try await harness.test { client in
                let (id, _) = try Self.ids(try await client.call(.post, "/v1/verifications", key: key, json: #"{"to":"+4915123456789"}"#))
                let unknown = "ver_01jdxk4v8m6t3q9w2e5r7y1a0z"
                var details: Set<String> = []
                for (path, caller) in [(id, otherKey), (unknown, key), ("not-an-id", key)] {
                    let check = try await client.call(.post, "/v1/verifications/\(path)/check", key: caller, json: #"{"code":"123456"}"#)
                    details.insert(check.problem(404, "not_found")["detail"] as? String ?? "")
                }
                #expect(details.count == 1)
                try await client.call(.get, "/v1/verifications/\(id)", key: otherKey).problem(404, "not_found")
                try await client.call(.post, "/v1/verifications/\(id)/cancel", key: otherKey).problem(404, "not_found")
                // The owner's verification was not touched by the others' attempts.
                #expect(try await client.call(.get, "/v1/verifications/\(id)", key: key).json["checks"] as? Int == 0)
                try await client.call(.get, "/v1/verifications/\(id)", key: nil).problem(401, "invalid_api_key")
            }
        }
    }

    @Test func resendCancelAndRequestProblems() async throws {
        try await VerificationAPIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                let first = try await client.call(.post, "/v1/verifications", key: key, json: #"{"to":"+4915123456789"}"#)
                let resent = try await client.call(.post, "/v1/verifications", key: key, json: #"{"to":"+49 151 2345 6789"}"#)
                #expect(resent.status == .ok)
                #expect(resent.json["id"] as? String == first.json["id"] as? String)
                #expect((resent.json["sends"] as? [Any])?.count == 2)

                let id = try #require(first.json["id"] as? String)
                let canceled = try await client.call(.post, "/v1/verifications/\(id)/cancel", key: key)
                #expect(canceled.json["status"] as? String == "canceled")
                try await client.call(.post, "/v1/verifications/\(id)/cancel", key: key).problem(409, "verification_not_pending")

                try await client.call(.post, "/v1/verifications", key: key, json: #"{"to":"+4915123456789","pin":"1"}"#).problem(400, "unknown_field")
                try await client.call(.post, "/v1/verifications", key: key, json: #"{"to":"+4915123456789","code_length":3}"#).problem(422, "invalid_code_length")
                try await client.call(.post, "/v1/verifications", key: key, json: #"{"to":"+4915123456789","code_length":6.5}"#).problem(400, "invalid_type")
                try await client.call(.post, "/v1/verifications", key: key, json: #"{"channel":"sms"}"#).problem(400, "missing_field")
                try await client.call(.post, "/v1/verifications/\(id)/check", key: key, json: #"{"code":123456}"#).problem(400, "invalid_type")
                try await client.call(.post, "/v1/verifications/\(id)/check", key: key, json: #"{"code":"12-34"}"#).problem(422, "invalid_code")
            }
        }
    }

    @Test func rateLimitsAnswer429WithRetryAfter() async throws {
        var limits = VerificationRateLimits.unlimited
        limits.perPrefix = RateLimit(capacity: 2, refillPerSecond: 0.1)
        try await VerificationAPIHarness.with(rateLimits: limits) { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                for number in ["+4915123456781", "+4915123456782"] {
                    #expect(try await client.call(.post, "/v1/verifications", key: key, json: #"{"to":"\#(number)"}"#).status == .created)
                }
                let limited = try await client.call(.post, "/v1/verifications", key: key, json: #"{"to":"+4915123456783"}"#)
                limited.problem(429, "rate_limited")
                #expect(limited.headers[.retryAfter] == "10")
            }
        }
    }

    @Test func pumpingIsBlockedAndTheBlockOutlivesTheGuard() async throws {
        try await VerificationAPIHarness.with { harness in
            let (account, key) = try await harness.newAccount()
            try await harness.test { client in
                var blocked: TestResponse?
                for index in 0..<30 {
                    harness.clock.advance(by: .seconds(1))
                    let response = try await client.call(.post, "/v1/verifications", key: key, json: #"{"to":"+4477009001\#(String(format: "%02d", index))"}"#)
                    if response.status.code != 201, blocked == nil { blocked = response }
                }
                let refusal = try #require(blocked)
                refusal.problem(422, "fraud_prefix_blocked")
                #expect(refusal.headers[.retryAfter] == String(12 * 3600))

                let blocks = try await client.call(.get, "/v1/fraud/blocks", key: key)
                let data = try #require(blocks.json["data"] as? [[String: Any]])
                #expect(data.count == 1)
                #expect(data.first?["prefix"] as? String == "+447700900")
                #expect(data.first?["scope"] as? String == "account")

                // A new guard on the same database (a restart) still refuses the range.
                let restarted = FraudGuard(configuration: FraudGuardConfiguration(), store: harness.store, clock: harness.clock, random: harness.random, logger: harness.logs.logger())
                let number = ResolvedNumber(e164: "+447700900999", regionCode: "GB", countryCallingCode: 44)
                await #expect(throws: HeraldError.self) {
                    try await restarted.screen(restarted.target(for: number), e164: number.e164, accountID: account.id)
                }
                let audit = try await harness.store.auditEvents().map(\.event)
                #expect(audit.contains { $0.action == "fraud.block" && $0.details["prefix"] == "447700900" })
            }
        }
    }

    @Test func theSafeListIsManagedOverTheAPI() async throws {
        try await VerificationAPIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                let added = try await client.call(.post, "/v1/fraud/safe-list", key: key, json: #"{"value":"+44770090*","note":"QA phones"}"#)
                #expect(added.status == .created)
                #expect(added.json["value"] as? String == "+44770090*")
                for index in 0..<40 {
                    harness.clock.advance(by: .seconds(1))
                    let response = try await client.call(.post, "/v1/verifications", key: key, json: #"{"to":"+4477009001\#(String(format: "%02d", index))"}"#)
                    #expect(response.status == .created)
                }
                let list = try await client.call(.get, "/v1/fraud/safe-list", key: key)
                #expect((list.json["data"] as? [[String: Any]])?.count == 1)
                try await client.call(.post, "/v1/fraud/safe-list", key: key, json: #"{"value":"44"}"#).problem(422, "invalid_safe_list_entry")
                #expect(try await client.call(.delete, "/v1/fraud/safe-list/%2B44770090*", key: key).status == .noContent)
                try await client.call(.delete, "/v1/fraud/safe-list/%2B44770090*", key: key).problem(404, "not_found")
            }
        }
    }

    @Test func analyticsByCountryAndPrefix() async throws {
        try await VerificationAPIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                let start = harness.clock.now()
                for number in ["+4915123456789", "+4915123456788", "+447700900123"] {
                    let response = try await client.call(.post, "/v1/verifications", key: key, json: #"{"to":"\#(number)"}"#)
                    if number.hasPrefix("+49") {
                        let (id, messageID) = try Self.ids(response)
                        let code = try #require(VerificationHarness.code(in: try await harness.submittedBody(messageID), length: 6))
                        _ = try await client.call(.post, "/v1/verifications/\(id)/check", key: key, json: #"{"code":"\#(code)"}"#)
                    }
                }
                let from = start.iso8601
                let to = start.adding(seconds: 3600).iso8601
                let byCountry = try await client.call(.get, "/v1/analytics/verifications?from=\(from)&to=\(to)&group_by=country", key: key)
                #expect(byCountry.status == .ok)
                let groups = try #require(byCountry.json["groups"] as? [[String: Any]])
                #expect(groups.map { $0["key"] as? String } == ["DE", "GB"])
                #expect(groups.first?["approved"] as? Int == 2)
                #expect(groups.first?["conversion_rate"] as? Double == 1)
                #expect((byCountry.json["totals"] as? [String: Any])?["verifications"] as? Int == 3)

                let byPrefix = try await client.call(.get, "/v1/analytics/verifications?from=\(from)&to=\(to)&group_by=prefix", key: key)
                #expect((byPrefix.json["groups"] as? [[String: Any]])?.first?["key"] as? String == "4915123456")
                try await client.call(.get, "/v1/analytics/verifications?group_by=city", key: key).problem(400, "invalid_parameter")
                try await client.call(.get, "/v1/analytics/verifications?from=\(to)&to=\(from)", key: key).problem(422, "invalid_period")
            }
        }
    }
}
