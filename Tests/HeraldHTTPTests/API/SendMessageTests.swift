import Foundation
import HeraldCore
import HeraldHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct SendMessageTests {
    @Test func acceptsAfterStoringAndPointsAtTheMessage() async throws {
        try await APIHarness.with { harness in
            let (account, key) = try await harness.newAccount()
            try await harness.test { client in
                let response = try await client.request(.post, "/v1/messages", key: key, json: sendJSON(extra: #","client_reference":"order-1","from":"Shop""#))
                #expect(response.status == .accepted)
                #expect(response.headers[.contentType] == "application/json")
                let id = try #require(response.object["id"] as? String)
                #expect(response.headers[.location] == "/v1/messages/\(id)")
                #expect(response.object["object"] as? String == "message")
                #expect(response.object["status"] as? String == "queued")
                #expect(response.object["to"] as? String == "+4915123456789")
                #expect(response.object["from"] as? String == "Shop")
                #expect(response.object["country"] as? String == "DE")
                #expect(response.object["client_reference"] as? String == "order-1")
                // Committed before the answer: the store has it.
                let stored = try await harness.store.message(try #require(MessageID(id)), accountID: account.id)
                #expect(stored?.clientReference == "order-1")
                let fetched = try await client.request(.get, "/v1/messages/\(id)", key: key)
                #expect(fetched.status == .ok)
                #expect(fetched.text == response.text)
            }
        }
    }

    @Test(arguments: [
        (#"{"to":"12345","body":"x"}"#, "invalid_destination", "to"),
        (#"{"to":"+4915123456789","body":"x","from":"ThisIsTooLongASender"}"#, "invalid_sender", "from"),
        (#"{"to":"+4915123456789","body":""}"#, "body_empty", "body"),
        (#"{"to":"+4915123456789","body":"x","validity_seconds":5}"#, "invalid_validity", "validity_seconds"),
        (#"{"to":"+4915123456789","body":"x","send_at":"2027-06-01T00:00:00Z"}"#, "invalid_send_at", "send_at"),
        (#"{"to":"+4915123456789","body":"x","callback_url":"ftp://example.com"}"#, "invalid_callback_url", "callback_url"),
    ])
    func domainValidationProblemsAre422NamingTheField(json: String, code: String, field: String) async throws {
        try await APIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                try await client.request(.post, "/v1/messages", key: key, json: json).expectProblem(422, code: code, field: field)
            }
        }
    }

    @Test func tooManyPartsIsRefused() async throws {
        try await APIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                let long = String(repeating: "a", count: 153 * 10 + 1)
                try await client.request(.post, "/v1/messages", key: key, json: sendJSON(body: long)).expectProblem(422, code: "body_too_long", field: "body")
            }
        }
    }

    @Test(arguments: [
        ("{", "invalid_json", nil),
        ("", "invalid_json", nil),
        ("[]", "invalid_type", nil),
        (#"{"to":"+4915123456789"}"#, "missing_field", "body"),
        (#"{"to":4915123456789,"body":"x"}"#, "invalid_type", "to"),
        (#"{"to":"+4915123456789","body":"x","validity_seconds":"600"}"#, "invalid_type", "validity_seconds"),
        (#"{"to":"+4915123456789","body":"x","send_at":"soon"}"#, "invalid_value", "send_at"),
        (#"{"to":"+4915123456789","body":"x","priority":"high"}"#, "unknown_field", "priority"),
    ] as [(String, String, String?)])
    func unreadableRequestsAre400NamingTheField(json: String, code: String, field: String?) async throws {
        try await APIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                try await client.request(.post, "/v1/messages", key: key, json: json).expectProblem(400, code: code, field: field)
            }
        }
    }

    @Test func nonJSONMediaTypesAre415() async throws {
        try await APIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                let response = try await client.request(
                    .post, "/v1/messages", key: key, json: sendJSON(), headers: ["Content-Type": "application/x-www-form-urlencoded"])
                response.expectProblem(415, code: "unsupported_media_type", field: "Content-Type")
            }
        }
    }

    @Test func bodiesOverTheLimitAre413() async throws {
        try await APIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                let padding = String(repeating: " ", count: HTTPConfiguration.defaultMaximumBodySize)
                let response = try await client.request(.post, "/v1/messages", key: key, json: sendJSON() + padding)
                response.expectProblem(413, code: "request_too_large")
                // Just under the limit is read (and this one is fine).
                let fits = String(repeating: " ", count: HTTPConfiguration.defaultMaximumBodySize - sendJSON().utf8.count)
                let status1 = try await client.request(.post, "/v1/messages", key: key, json: sendJSON() + fits).status
                #expect(status1 == .accepted)
            }
        }
    }

    @Test func policyRefusalsAre422AndRateLimitsAre429WithRetryAfter() async throws {
        try await APIHarness.with { harness in
            let created = try await harness.newAccount()
            var account = created.account
            let key = created.key
            account.countryPermissions = CountryPermissions(mode: .allowListed, regions: ["GB"])
            try await harness.store.updateAccount(account, audit: [])
            try await harness.test { client in
                try await client.request(.post, "/v1/messages", key: key, json: sendJSON()).expectProblem(422, code: "country_not_permitted", field: "to")
                harness.knobs.guardError.withLock { $0 = HeraldError(.rateLimited, code: "rate_limited", "slow down", retryAfterSeconds: 9) }
                let limited = try await client.request(.post, "/v1/messages", key: key, json: sendJSON(to: "+447700900123"))
                limited.expectProblem(429, code: "rate_limited")
                #expect(limited.headers[.retryAfter] == "9")
            }
        }
    }

    struct DriverFailure: Error, CustomStringConvertible {
        var description: String { "SQLITE_CORRUPT at /var/lib/herald/herald.sqlite for +4915123456789" }
    }

    @Test func unexpectedErrorsAre500WithoutDetails() async throws {
        try await APIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            harness.knobs.guardError.withLock { $0 = DriverFailure() }
            try await harness.test { client in
                let response = try await client.request(.post, "/v1/messages", key: key, json: sendJSON())
                response.expectProblem(500, code: "internal_error")
                #expect(!response.text.contains("SQLITE"))
                #expect(!response.text.contains("4915123456789"))
            }
        }
    }
}
