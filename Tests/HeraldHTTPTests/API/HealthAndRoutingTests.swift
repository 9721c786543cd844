import Foundation
import HeraldCore
import HeraldHTTP
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct HealthAndRoutingTests {
    @Test func livenessNeedsNoKey() async throws {
        try await APIHarness.with { harness in
            try await harness.test { client in
                let response = try await client.request(.get, "/healthz")
                #expect(response.status == .ok)
                #expect(response.object["status"] as? String == "ok")
                #expect(response.headers[.cacheControl] == "no-store")
            }
        }
    }

    @Test func readinessFollowsTheInjectedReport() async throws {
        try await APIHarness.with { harness in
            try await harness.test { client in
                let ready = try await client.request(.get, "/readyz")
                #expect(ready.status == .ok)
                #expect(ready.object["status"] as? String == "ready")
                harness.knobs.ready.withLock { $0 = false }
                let notReady = try await client.request(.get, "/readyz")
                #expect(notReady.status == .serviceUnavailable)
                #expect(notReady.object["status"] as? String == "not_ready")
                let checks = notReady.object["checks"] as? [[String: Any]] ?? []
                #expect(checks.map { $0["name"] as? String } == ["store", "carrier_links"])
                #expect(checks.last?["status"] as? String == "fail")
                #expect(checks.last?["detail"] as? String == "0 of 1 sending links up")
            }
        }
    }

    @Test func metricsAreInjectedPrometheusText() async throws {
        try await APIHarness.with { harness in
            try await harness.test { client in
                let response = try await client.request(.get, "/metrics")
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
                #expect(response.text == "# TYPE herald_up gauge\nherald_up 1\n")
            }
        }
    }

    @Test func unknownRoutesAreProblemDocuments() async throws {
        try await APIHarness.with { harness in
            try await harness.test { client in
                try await client.request(.get, "/v2/nothing").expectProblem(404, code: "route_not_found")
                try await client.request(.get, "/v1/messages/a/b").expectProblem(404, code: "route_not_found")
            }
        }
    }

    @Test func wrongMethodsAre405WithAllow() async throws {
        try await APIHarness.with { harness in
            try await harness.test { client in
                let response = try await client.request(.delete, "/v1/messages")
                response.expectProblem(405, code: "method_not_allowed")
                #expect(response.headers[.allow] == "GET, POST")
                let preview = try await client.request(.get, "/v1/messages/preview")
                preview.expectProblem(405, code: "method_not_allowed")
                #expect(preview.headers[.allow] == "POST")
                let health = try await client.request(.post, "/healthz", json: "{}")
                #expect(health.headers[.allow] == "GET")
            }
        }
    }

    @Test func requestIDsAreEchoedOrGenerated() async throws {
        try await APIHarness.with { harness in
            try await harness.test { client in
                let echoed = try await client.request(.get, "/healthz", headers: ["X-Request-Id": "trace-42.a:b"])
                #expect(echoed.headers[HTTPFields.Element.Name("X-Request-Id")!] == "trace-42.a:b")
                let replaced = try await client.request(.get, "/healthz", headers: ["X-Request-Id": "bad id with spaces"])
                let generated = try #require(replaced.headers[HTTPFields.Element.Name("X-Request-Id")!])
                #expect(generated.hasPrefix("req_"))
                #expect(RequestID(generated) != nil)
                let other = try await client.request(.get, "/healthz")
                #expect(other.headers[HTTPFields.Element.Name("X-Request-Id")!] != generated)
            }
        }
    }
}
