import Foundation
import HeraldCore
import HeraldHTTP
import Hummingbird
import HummingbirdTesting
import MetricsTestKit
import Testing

@Suite struct ObservabilityTests {
    @Test func requestsAreCountedByRouteTemplateMethodAndStatus() async throws {
        try await APIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                _ = try await client.request(.get, "/healthz")
                _ = try await client.request(.get, "/healthz")
                _ = try await client.request(.get, "/nowhere/at/all")
                let sent = try await client.request(.post, "/v1/messages", key: key, json: sendJSON())
                _ = try await client.request(.get, try #require(sent.headers[.location]), key: key)
            }
            let healthz = try harness.metrics.expectCounter("herald_http_requests_total", [("route", "/healthz"), ("method", "GET"), ("status", "200")])
            #expect(healthz.totalValue == 2)
            let unmatched = try harness.metrics.expectCounter("herald_http_requests_total", [("route", "unmatched"), ("method", "GET"), ("status", "404")])
            #expect(unmatched.totalValue == 1)
            let accepted = try harness.metrics.expectCounter("herald_http_requests_total", [("route", "/v1/messages"), ("method", "POST"), ("status", "202")])
            #expect(accepted.totalValue == 1)
            // Identifiers never become label values: the route template does.
            let read = try harness.metrics.expectTimer("herald_http_request_duration_seconds", [("route", "/v1/messages/{id}"), ("method", "GET")])
            #expect(read.values.count == 1)
            #expect(harness.metrics.counters.allSatisfy { counter in !counter.dimensions.contains { $0.1.contains("msg_") } })
        }
    }

    @Test func theAccessLogHasOneLinePerRequestWithoutBodiesOrNumbers() async throws {
        try await APIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await harness.test { client in
                _ = try await client.request(.post, "/v1/messages", key: key, json: sendJSON(body: "confidential-words"), headers: ["X-Request-Id": "trace-1"])
                _ = try await client.request(.get, "/v1/messages?to=%2B4915123456789", key: key)
                _ = try await client.request(.get, "/v1/messages/+4915123456789", key: key)
                _ = try await client.request(.post, "/v1/messages", key: key, json: #"{"to":"+4915123456789","body":"confidential-words","x":1}"#)
            }
            let lines = harness.logs.records.withLock { $0 }.filter { $0.message == "request" }
            #expect(lines.count == 4)
            let first = try #require(lines.first)
            #expect(first.level == .info)
            #expect(first.metadata["method"] == "POST")
            #expect(first.metadata["path"] == "/v1/messages")
            #expect(first.metadata["status"] == "202")
            #expect(first.metadata["request_id"] == "trace-1")
            #expect(Double(first.metadata["duration_ms"] ?? "") != nil)
            #expect(lines[2].metadata["path"] == "/v1/messages/{redacted}")
            #expect(lines[3].metadata["status"] == "400")
            let everything = harness.logs.allText
            #expect(!everything.contains("15123456789"))
            #expect(!everything.contains("confidential-words"))
        }
    }
}
