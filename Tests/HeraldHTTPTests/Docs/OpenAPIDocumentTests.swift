import Foundation
import HeraldCore
import HeraldHTTP
import Logging
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// Keeps docs/openapi.yaml and docs/errors.md in step with the router and the code.
@Suite struct OpenAPIDocumentTests {
    static var document: String {
        (try? String(contentsOf: ExternalTool.repositoryRoot.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)) ?? ""
    }

    /// `METHOD /path` for every operation under `paths:` (the document keeps two-space indentation).
    static func documentedOperations() -> Set<String> {
        var operations: Set<String> = []
        var inPaths = false
        var path: String?
        for line in document.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if !line.hasPrefix(" "), !line.isEmpty { inPaths = line == "paths:" }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let method = line.trimmingCharacters(in: .whitespaces).dropLast()
                if ["get", "put", "post", "delete", "patch", "head", "options"].contains(String(method)) {
                    operations.insert("\(method.uppercased()) \(path)")
                }
            }
        }
        return operations
    }

    /// The `const` entries of the ProblemCode schema.
    static func documentedProblemCodes() -> Set<String> {
        Set(document.split(separator: "\n").compactMap { line in
            let text = line.trimmingCharacters(in: .whitespaces)
            return text.hasPrefix("- const: ") ? String(text.dropFirst("- const: ".count)) : nil
        })
    }

    static func errorsPageCodes() throws -> Set<String> {
        let page = try String(contentsOf: ExternalTool.repositoryRoot.appendingPathComponent("docs/errors.md"), encoding: .utf8)
        return Set(page.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            let rest = line.dropFirst(3)
            guard let end = rest.firstIndex(of: "`") else { return nil }
            return String(rest[..<end])
        })
    }

    /// Problem codes the code can answer with: the HTTP layer's own, and every `HeraldError` code in the
    /// core (scanned from the source, so a new code without documentation fails this test).
    static func codesInSource() throws -> Set<String> {
        var codes = Set(HTTPProblem.httpLayerCodes)
        codes.insert(HeraldError.notFound("x").code)
        // Codes the ports' contracts name (MessageTextAnalyzer, NumberResolver, RouteRulesValidator); their adapters live elsewhere.
        codes.formUnion(["body_empty", "body_too_long", "invalid_destination", "invalid_routes"])
        let patterns = [
            #"HeraldError\.invalid\(\s*"([a-z_]+)""#,
            #"HeraldError\(\s*\.(?:invalidInput|unauthenticated|forbidden|notFound|conflict|rateLimited|policyBlocked),\s*code:\s*"([a-z_]+)""#,
        ].map { try! NSRegularExpression(pattern: $0) }
        let root = ExternalTool.repositoryRoot.appendingPathComponent("Sources")
        for module in ["HeraldCore", "HeraldHTTP"] {
            let enumerator = FileManager.default.enumerator(at: root.appendingPathComponent(module), includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                guard url.pathExtension == "swift" else { continue }
                let text = try String(contentsOf: url, encoding: .utf8)
                for pattern in patterns {
                    for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                        if let range = Range(match.range(at: 1), in: text) { codes.insert(String(text[range])) }
                    }
                }
            }
        }
        return codes
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        try await APIHarness.with { harness in
            let groups = HeraldAPI.standardGroups + (try harness.verificationRouteGroups()) + harness.inboundRouteGroups() + harness.adminRouteGroups()
                + [harness.auditRouteGroup()]
            let registered = Set(HeraldAPI.buildRouter(services: harness.services, groups: groups).routes.map { "\($0.method.rawValue) \($0.path.description)" })
            let documented = Self.documentedOperations()
            #expect(registered.count >= 8)
            #expect(registered.subtracting(documented).isEmpty, "routes missing from docs/openapi.yaml: \(registered.subtracting(documented).sorted())")
            #expect(documented.subtracting(registered).isEmpty, "documented routes that do not exist: \(documented.subtracting(registered).sorted())")
        }
    }

    @Test func everyProblemCodeIsDocumentedInBothPlaces() throws {
        let inSource = try Self.codesInSource()
        let inOpenAPI = Self.documentedProblemCodes()
        let inErrorsPage = try Self.errorsPageCodes()
        #expect(inSource.count > 20)
        #expect(inOpenAPI == inErrorsPage, "openapi.yaml and errors.md differ: \(inOpenAPI.symmetricDifference(inErrorsPage).sorted())")
        #expect(inSource.subtracting(inOpenAPI).isEmpty, "undocumented codes: \(inSource.subtracting(inOpenAPI).sorted())")
        #expect(inOpenAPI.subtracting(inSource).isEmpty, "documented codes nothing produces: \(inOpenAPI.subtracting(inSource).sorted())")
    }

    /// Validates the document with `openapi-spec-validator` and real answers against its schemas.
    @Test func documentIsValidOpenAPIAndDescribesRealAnswers() async throws {
        let samples = try await Self.collectSamples()
        let samplesPath = try ExternalTool.temporaryFile(samples, suffix: ".json")
        defer { try? FileManager.default.removeItem(atPath: samplesPath) }
        let script = ExternalTool.repositoryRoot.appendingPathComponent("Tests/HeraldHTTPTests/Python/validate_openapi.py").path
        let document = ExternalTool.repositoryRoot.appendingPathComponent("docs/openapi.yaml").path
        guard let output = ExternalTool.run("python3", [script, document, samplesPath]), output.status != 3 else {
            ExternalTool.unavailable("python3 with openapi-spec-validator")
            return
        }
        #expect(output.status == 0, "openapi validation failed:\n\(output.stderr)")
        #expect(output.stdout.contains("ok"))
    }

    /// Answers of every kind, grouped by the schema that should describe them, as JSON text.
    static func collectSamples() async throws -> String {
        let collected = Samples()
        try await APIHarness.with { harness in
            let (account, key) = try await harness.newAccount()
            try await harness.test { client in
                let sent = try await client.request(
                    .post, "/v1/messages", key: key,
                    json: sendJSON(extra: #","client_reference":"r1","callback_url":"https://example.com/cb","send_at":"2026-01-01T01:00:00Z""#))
                collected.add("Message", sent)
                collected.add("MessageList", try await client.request(.get, "/v1/messages?limit=1", key: key))
                _ = try await client.request(.post, "/v1/messages", key: key, json: sendJSON())
                collected.add("MessageList", try await client.request(.get, "/v1/messages?limit=1", key: key))
                collected.add("BatchAnswer", try await client.request(.post, "/v1/messages/batch", key: key, json: #"{"messages":[\#(sendJSON()),\#(sendJSON(to: "1"))]}"#))
                collected.add("Preview", try await client.request(.post, "/v1/messages/preview", key: key, json: #"{"body":"hi €"}"#))
                collected.add("Account", try await client.request(.get, "/v1/account", key: key))
                collected.add("Account", try await client.request(.patch, "/v1/account", key: key, json: #"{"webhook_url":"https://example.com/hooks"}"#))
                collected.add("Problem", try await client.request(.patch, "/v1/account", key: key, json: #"{"webhook_url":"ftp://example.com"}"#))
                collected.add("Health", try await client.request(.get, "/healthz"))
                collected.add("Readiness", try await client.request(.get, "/readyz"))
                harness.knobs.ready.withLock { $0 = false }
                collected.add("Readiness", try await client.request(.get, "/readyz"))
                collected.add("Problem", try await client.request(.get, "/v1/messages"))
                collected.add("Problem", try await client.request(.post, "/v1/messages", key: key, json: "{"))
                collected.add("Problem", try await client.request(.delete, "/v1/messages", key: key))
                collected.add("Problem", try await client.request(.post, "/v1/messages", key: key, json: sendJSON(to: "1")))
            }
            // Inbound messages: a keyword message, and one whose body retention erased.
            let random = SystemRandomSource()
            let now = harness.clock.now()
            let stop = InboundMessage(
                id: InboundMessageID.generate(at: now, random: random), accountID: account.id, from: "+4915123456789", to: "72345", body: "STOP",
                keyword: .optOut("STOP"), linkID: "sim", receivedAt: now)
            let erased = InboundMessage(
                id: InboundMessageID.generate(at: now.adding(seconds: 1), random: random), accountID: account.id, from: "+4915123456789",
                to: "+4915199999999", body: nil, bodyPolicy: .erased, keyword: nil, linkID: "sim", receivedAt: now.adding(seconds: 1))
            try await harness.store.insertInbound(stop, optOutChange: nil, effects: SideEffects())
            try await harness.store.insertInbound(erased, optOutChange: nil, effects: SideEffects())
            let inbound = Application(responder: HeraldAPI.buildRouter(services: harness.services, groups: harness.inboundRouteGroups()).buildResponder())
            try await inbound.test(.router) { client in
                collected.add("InboundMessageList", try await client.request(.get, "/v1/inbound?limit=1", key: key))
                collected.add("InboundMessageList", try await client.request(.get, "/v1/inbound?to=72345", key: key))
                collected.add("InboundMessage", try await client.request(.get, "/v1/inbound/\(stop.id)", key: key))
                collected.add("InboundMessage", try await client.request(.get, "/v1/inbound/\(erased.id)", key: key))
                collected.add("Problem", try await client.request(.get, "/v1/inbound?limit=0", key: key))
                collected.add("Problem", try await client.request(.get, "/v1/inbound/inb_nope", key: key))
            }
            let audit = Application(
                responder: HeraldAPI.buildRouter(services: harness.services, groups: [harness.auditRouteGroup()]).buildResponder(),
                logger: Logger(label: "herald.tests.http"))
            let token = try await harness.newAuditorToken()
            try await audit.test(.router) { client in
                collected.add("AuditEntryPage", try await client.request(.get, "/v1/audit/entries?limit=2", key: token))
                collected.add("Problem", try await client.request(.get, "/v1/audit/entries?sealed_values=include", key: token))
                let asked = try await client.request(
                    .post, "/v1/audit/disclosures", key: token, json: #"{"first_index": 0, "end_index": 2, "note": "complaint #4711"}"#)
                collected.add("AuditDisclosure", asked)
                collected.add("AuditDisclosure", try await client.request(.get, "/v1/audit/disclosures/\(asked.object["id"] as? String ?? "")", key: token))
                collected.add("AuditDisclosureList", try await client.request(.get, "/v1/audit/disclosures", key: token))
                collected.add("Problem", try await client.request(.post, "/v1/audit/disclosures", key: token, json: #"{"first_index": 2, "end_index": 1, "note": "x"}"#))
                collected.add("AuditInclusionProof", try await client.request(.get, "/v1/audit/proofs/inclusion?index=1&tree_size=3", key: token))
                collected.add("AuditConsistencyProof", try await client.request(.get, "/v1/audit/proofs/consistency?from=1&to=3", key: token))
                collected.add("Problem", try await client.request(.get, "/v1/audit/checkpoint", key: key))
                collected.add("Problem", try await client.request(.get, "/v1/audit/proofs/consistency?from=3&to=1", key: token))
            }
        }
        return collected.json()
    }

    final class Samples: Sendable {
        private let values = Mutex<[String: [String]]>([:])

        func add(_ schema: String, _ response: TestResponse) {
            values.withLock { $0[schema, default: []].append(response.text) }
        }

        /// JSON texts that are not whole answers (the lines of a JSON Lines download).
        func addRaw(_ schema: String, _ texts: [String]) {
            values.withLock { $0[schema, default: []] += texts }
        }

        func json() -> String {
            let entries = values.withLock { $0 }.sorted { $0.key < $1.key }.map { "\"\($0.key)\": [\($0.value.joined(separator: ","))]" }
            return "{" + entries.joined(separator: ",") + "}"
        }
    }
}
