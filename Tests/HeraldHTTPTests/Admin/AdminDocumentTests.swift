import Foundation
import HeraldCore
import HeraldHTTP
import HummingbirdTesting
import Testing

/// Real answers of the admin API validate against docs/openapi.yaml's schemas (closed: an undocumented
/// field fails).
@Suite struct AdminDocumentTests {
    @Test func adminAnswersMatchTheirSchemas() async throws {
        let samples = OpenAPIDocumentTests.Samples()
        try await AdminHarness.with { harness in
            let (_, alice) = try await harness.newOperator(.admin, name: "alice")
            let (bob, bobToken) = try await harness.newOperator(.admin, name: "bob")
            let (account, key) = try await harness.newAccount()
            try await harness.test { client in
                _ = try await client.request(.post, "/v1/messages", key: key, json: sendJSON())
                samples.add("AdminAccountList", try await client.request(.get, "/v1/admin/accounts", key: alice))
                samples.add("AdminAccount", try await client.request(.get, "/v1/admin/accounts/\(account.id)", key: alice))
                samples.add("AdminAccountCreated", try await client.request(.post, "/v1/admin/accounts", key: alice, json: #"{"name": "Globex"}"#))
                samples.add("APIKey", try await client.request(.post, "/v1/admin/accounts/\(account.id)/api-keys", key: alice, json: #"{"name": "ci"}"#))
                samples.add("AdminAccount", try await client.request(.post, "/v1/admin/accounts/\(account.id)/suspend", key: alice))
                samples.add("LimitsAnswer", try await client.request(.put, "/v1/admin/accounts/\(account.id)/limits", key: alice, json: #"{"message_burst": 5}"#))
                samples.add("LimitsAnswer", try await client.request(.put, "/v1/admin/accounts/\(account.id)/limits", key: alice, json: #"{"messages_per_day": 2000000}"#))
                samples.add("AdminAccount", try await client.request(
                    .put, "/v1/admin/accounts/\(account.id)/country-permissions", key: alice, json: #"{"mode": "deny_listed", "countries": ["RU"]}"#))

                let routes = try await client.request(.put, "/v1/admin/routes", key: alice, json: ProposalLifecycleTests.routesJSON)
                samples.add("Proposal", routes)
                let routesID = try #require(routes.object["id"] as? String)
                samples.add("Proposal", try await client.request(.post, "/v1/admin/proposals/\(routesID)/approve", key: bobToken))
                samples.add("Routes", try await client.request(.get, "/v1/admin/routes", key: alice))
                samples.add("RouteExplanation", try await client.request(.get, "/v1/admin/routes/explain?to=%2B4915123456789", key: alice))

                samples.add("Proposal", try await client.request(
                    .post, "/v1/admin/carrier-links", key: alice, json: #"{"id": "acme", "host": "127.0.0.1", "port": 2775, "system_id": "herald", "password": "pw"}"#))
                samples.add("CarrierLinkList", try await client.request(.get, "/v1/admin/carrier-links", key: alice))
                samples.add("CarrierLink", try await client.request(.get, "/v1/admin/carrier-links/sim", key: alice))
                samples.add("Retention", try await client.request(.get, "/v1/admin/retention", key: alice))
                let retention = try await client.request(.put, "/v1/admin/retention", key: alice, json: #"{"receipt_grace_seconds": 60, "note": "shorter"}"#)
                samples.add("Proposal", retention)
                samples.add("Proposal", try await client.request(
                    .post, "/v1/admin/proposals/\(try #require(retention.object["id"] as? String))/reject", key: bobToken, json: #"{"reason": "no"}"#))

                let export = try await client.request(
                    .post, "/v1/admin/exports", key: alice, json: #"{"account_id": "\#(account.id)", "from": "2025-12-31T00:00:00Z", "to": "2026-06-01T00:00:00Z"}"#)
                samples.add("Proposal", export)
                let exportID = try #require(export.object["id"] as? String)
                _ = try await client.request(.post, "/v1/admin/proposals/\(exportID)/approve", key: bobToken)
                samples.add("MessageExport", try await client.request(.get, "/v1/admin/exports/\(exportID)", key: alice))
                samples.add("MessageExportList", try await client.request(.get, "/v1/admin/exports", key: alice))
                let lines = try await client.request(.get, "/v1/admin/exports/\(exportID)/download", key: alice).text.split(separator: "\n")
                #expect(lines.count == 1)
                samples.addRaw("Message", lines.map(String.init))

                samples.add("ProposalList", try await client.request(.get, "/v1/admin/proposals", key: alice))
                samples.add("OperatorList", try await client.request(.get, "/v1/admin/operators", key: alice))
                samples.add("OperatorDetail", try await client.request(.get, "/v1/admin/operators/\(bob.id)", key: alice))
                samples.add("OperatorCreated", try await client.request(.post, "/v1/admin/operators", key: alice, json: #"{"name": "Vic", "role": "viewer"}"#))
                samples.add("FraudBlockList", try await client.request(.get, "/v1/admin/fraud/blocks", key: alice))

                let smpp = "/v1/admin/accounts/\(account.id)/smpp"
                samples.add("SMPPCredentialsAnswer", try await client.request(.put, smpp + "/credentials", key: alice, json: #"{"system_id": "acme"}"#))
                samples.add("SMPPCredentialsAnswer", try await client.request(.put, smpp + "/credentials", key: alice, json: #"{"system_id": "acme", "password": "pw"}"#))
                samples.add("SMPPAccess", try await client.request(.put, smpp + "/bind-limit", key: alice, json: #"{"max_binds": 2}"#))
                samples.add("SMPPAccess", try await client.request(.put, smpp + "/allowed-networks", key: alice, json: #"{"allowed_networks": ["203.0.113.0/24"]}"#))
                samples.add("SMPPThroughputAnswer", try await client.request(.put, smpp + "/throughput", key: alice, json: #"{"window": 5}"#))
                let raise = try await client.request(.put, smpp + "/throughput", key: alice, json: #"{"tps": 100, "note": "campaign"}"#)
                #expect(raise.status == .accepted)
                samples.add("SMPPThroughputAnswer", raise)
                samples.add("SMPPAccess", try await client.request(.get, smpp, key: alice))
                samples.add("AssignedNumber", try await client.request(.post, "/v1/admin/accounts/\(account.id)/numbers", key: alice, json: #"{"number": "+4915123456789"}"#))
                samples.add("AssignedNumberList", try await client.request(.get, "/v1/admin/accounts/\(account.id)/numbers", key: alice))
                samples.add("AssignedNumberList", try await client.request(.get, "/v1/admin/numbers?number=4915123456789", key: alice))
                samples.add("Problem", try await client.request(.post, "/v1/admin/accounts/\(account.id)/numbers", key: alice, json: #"{"number": "+4915123456789"}"#))
                samples.add("Problem", try await client.request(.get, "/v1/admin/accounts", key: key))
                samples.add("Problem", try await client.request(.post, "/v1/admin/proposals/\(routesID)/approve", key: bobToken))
            }
        }
        let samplesPath = try ExternalTool.temporaryFile(samples.json(), suffix: ".json")
        defer { try? FileManager.default.removeItem(atPath: samplesPath) }
        let script = ExternalTool.repositoryRoot.appendingPathComponent("Tests/HeraldHTTPTests/Python/validate_openapi.py").path
        let document = ExternalTool.repositoryRoot.appendingPathComponent("docs/openapi.yaml").path
        guard let output = ExternalTool.run("python3", [script, document, samplesPath]), output.status != 3 else {
            ExternalTool.unavailable("python3 with openapi-spec-validator")
            return
        }
        #expect(output.status == 0, "openapi validation failed:\n\(output.stderr)")
    }
}
