import Foundation
import HeraldAuditLog
import HeraldCore
import HeraldHTTP
import HeraldSQLite
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import MerkleLog
import Testing

/// The auditor API over a real sealed log: authentication, checkpoints, entries, proofs and export.
@Suite struct AuditRoutesTests {
    static let token = "hat_test-token"

    /// Runs `body` with a client of a router holding the standard groups and the audit routes.
    static func withAPI(_ body: @Sendable (AuditLogHarness, AccountService, DeniedRequestAuditor, any TestClientProtocol) async throws -> Void) async throws {
        try await AuditLogHarness.with { harness in
            let random = SystemRandomSource()
            let accounts = AccountService(store: harness.store, clock: harness.clock, random: random)
            let messages = MessageService(
                dependencies: .init(store: harness.store, numbers: SimpleNumberResolver(), text: SimpleTextAnalyzer(), clock: harness.clock, random: random, wake: DispatchSignal()),
                policy: MessagePolicy(), nodeID: "test")
            let denied = DeniedRequestAuditor(store: harness.store, clock: harness.clock, logger: AuditLogHarness.logger())
            let services = HTTPServices(
                accounts: accounts, messages: messages, readiness: { ReadinessReport(checks: []) }, random: random, clock: harness.clock, deniedRequests: denied)
            let groups = HeraldAPI.standardGroups + [AuditRoutes(log: harness.log, authentication: AuditorTokenMiddleware(token: token)), RefusingRoutes()]
            let application = Application(responder: HeraldAPI.buildRouter(services: services, groups: groups).buildResponder(), logger: AuditLogHarness.logger())
            let frozen = harness
            try await application.test(.router) { client in try await body(frozen, accounts, denied, client) }
        }
    }

    static func get(_ client: any TestClientProtocol, _ uri: String, token: String? = Self.token, method: HTTPRequest.Method = .get) async throws -> TestResponse {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.executeRequest(uri: uri, method: method, headers: headers, body: nil)
    }

    static func text(_ response: TestResponse) -> String { String(decoding: response.body.readableBytesView, as: UTF8.self) }
    static func object(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
    }

    @Test func customerKeysAndMissingTokensAreRefused() async throws {
        try await Self.withAPI { harness, accounts, denied, client in
            let customer = try await accounts.createAccount(name: "acme", actor: .cli("test"))
            for token in [nil, customer.credential.text, "hat_wrong"] {
                let response = try await Self.get(client, "/v1/audit/checkpoint", token: token)
                #expect(response.status == .unauthorized)
                #expect(Self.object(response)["code"] as? String == "invalid_auditor_token")
            }
            // The refusals are audited: coalesced into one event for the anonymous caller.
            await denied.flush()
            let events = try await harness.store.auditEvents().map(\.event).filter { $0.action == "request.denied" }
            #expect(events.count == 1)
            #expect(events.first?.details["count"] == "3")
            #expect(events.first?.details["code"] == "invalid_auditor_token")
            #expect(events.first?.details["operation"] == "GET /v1/audit/checkpoint")
            #expect(events.first?.actor == .anonymous("http"))
        }
    }

    /// Routes that fail the way the domain refuses requests, to see which refusals are audited.
    struct RefusingRoutes: HeraldRouteGroup {
        func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices) {
            router.get("/test/policy") { _, _ -> Response in throw HeraldError(.policyBlocked, code: "fraud_prefix_blocked", "blocked") }
            router.get("/test/limit") { _, _ -> Response in throw HeraldError(.rateLimited, code: "rate_limited", "slow down") }
            router.get("/test/invalid") { _, _ -> Response in throw HeraldError.invalid("invalid_value", "bad") }
        }
    }

    @Test func policyAndRateLimitRefusalsAreAuditedButBadInputIsNot() async throws {
        try await Self.withAPI { harness, _, denied, client in
            for uri in ["/test/policy", "/test/policy", "/test/limit", "/test/invalid"] { _ = try await Self.get(client, uri, token: nil) }
            await denied.flush()
            let events = try await harness.store.auditEvents().map(\.event).filter { $0.action == "request.denied" }
            #expect(events.map { $0.details["code"] ?? "" }.sorted() == ["fraud_prefix_blocked", "rate_limited"])
            #expect(events.first { $0.details["code"] == "fraud_prefix_blocked" }?.details["count"] == "2")
            #expect(events.first { $0.details["code"] == "rate_limited" }?.details["status"] == "429")
        }
    }

    @Test func checkpointsEntriesAndProofsVerifyAgainstTheLogKey() async throws {
        try await Self.withAPI { harness, _, _, client in
            try await harness.appendEvents(12)
            let issued = try await Self.get(client, "/v1/audit/checkpoint", method: .post)
            #expect(issued.status == .created)
            let note = Self.text(issued)
            let checkpoint = try CheckpointVerifier(origin: AuditLogHarness.origin, key: harness.trustedKey).verify(note)
            #expect(checkpoint.size == 12)
            #expect(issued.headers[HTTPFields.Element.Name("Herald-Audit-Tree-Size")!] == "12")
            #expect(Self.text(try await Self.get(client, "/v1/audit/checkpoint")) == note)

            let page = Self.object(try await Self.get(client, "/v1/audit/entries?start=3&limit=2"))
            #expect(page["tree_size"] as? Int == 12)
            #expect(page["next_start"] as? Int == 5)
            let entries = page["entries"] as? [[String: Any]] ?? []
            #expect(entries.map { $0["index"] as? Int } == [3, 4])
            let sealed = (entries.first?["sealed"] as? [[String: Any]])?.first
            #expect(sealed?["name"] as? String == "to" && sealed?["value"] == nil && sealed?["commitment"] != nil)
            let withValues = Self.object(try await Self.get(client, "/v1/audit/entries?start=3&limit=1&sealed_values=include"))
            let opened = ((withValues["entries"] as? [[String: Any]])?.first?["sealed"] as? [[String: Any]])?.first
            #expect((opened?["value"] as? [String: Any])?["utf8"] as? String == "+447700900103")

            let inclusion = Self.object(try await Self.get(client, "/v1/audit/proofs/inclusion?index=5&tree_size=12"))
            let leaf = try MerkleHash(base64: inclusion["leaf_hash"] as? String ?? "")
            let path = try (inclusion["hashes"] as? [String] ?? []).map { try MerkleHash(base64: $0) }
            #expect(InclusionProof(leafIndex: 5, treeSize: 12, hashes: path).isValid(leafHash: leaf, rootHash: checkpoint.rootHash))

            try await harness.appendEvents(5, from: 12)
            let later = try CheckpointVerifier(origin: AuditLogHarness.origin, key: harness.trustedKey)
                .verify(Self.text(try await Self.get(client, "/v1/audit/checkpoint")))
            #expect(later.size == 17)
            let consistency = Self.object(try await Self.get(client, "/v1/audit/proofs/consistency?from=12&to=17"))
            let hashes = try (consistency["hashes"] as? [String] ?? []).map { try MerkleHash(base64: $0) }
            #expect(ConsistencyProof(fromSize: 12, toSize: 17, hashes: hashes).isValid(fromRoot: checkpoint.rootHash, toRoot: later.rootHash))
        }
    }

    @Test func theExportIsAVerifiableBundle() async throws {
        try await Self.withAPI { harness, _, _, client in
            try await harness.appendEvents(9)
            let response = try await Self.get(client, "/v1/audit/export?inclusion_proofs=2,7")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/x-ndjson") == true)
            let bundle = try AuditBundle(jsonLines: Array(response.body.readableBytesView))
            #expect(bundle.entries.count == 9 && bundle.inclusionProofs.count == 2)
            #expect(bundle.entries.allSatisfy { $0.payload.sealedFields.allSatisfy(\.isRedacted) })
            let report = harness.verify(bundle)
            #expect(report.isClean, "\(report.rendered)")
        }
    }

    @Test func badParametersAndRangesAreClearErrors() async throws {
        try await Self.withAPI { harness, _, _, client in
            try await harness.appendEvents(3)
            let cases: [(String, Int, String)] = [
                ("/v1/audit/entries?limit=5000", 400, "invalid_parameter"),
                ("/v1/audit/entries?start=-1", 400, "invalid_parameter"),
                ("/v1/audit/entries?colour=red", 400, "invalid_parameter"),
                ("/v1/audit/entries?sealed_values=maybe", 400, "invalid_parameter"),
                ("/v1/audit/proofs/inclusion?index=1", 400, "invalid_parameter"),
                ("/v1/audit/proofs/inclusion?index=3&tree_size=3", 422, "audit_range_invalid"),
                ("/v1/audit/proofs/inclusion?index=0&tree_size=4", 422, "audit_range_invalid"),
                ("/v1/audit/proofs/consistency?from=3&to=2", 422, "audit_range_invalid"),
                ("/v1/audit/export?inclusion_proofs=1,x", 400, "invalid_parameter"),
            ]
            for (uri, status, code) in cases {
                let response = try await Self.get(client, uri)
                #expect(response.status.code == status, "\(uri): \(Self.text(response))")
                #expect(Self.object(response)["code"] as? String == code, "\(uri)")
            }
        }
    }
}
