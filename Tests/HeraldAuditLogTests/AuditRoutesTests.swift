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
    /// The auditor's token in the API of the running test (``withAPI``).
    @TaskLocal static var token: String?

    /// The operators of a test: an auditor (whose token ``token`` holds), a second auditor and two admins.
    struct Staff: Sendable {
        var auditor: OperatorService.Creation
        var otherAuditor: OperatorService.Creation
        var admin: OperatorService.Creation
        var secondAdmin: OperatorService.Creation
        var proposals: ProposalService
    }

    /// Accepts every route rule: proposals of these tests never change routes.
    struct AnyRoutes: RouteRulesValidator {
        func validate(_ rules: [RouteRule], linkIDs: Set<String>) throws {}
    }

    /// Runs `body` with a client of a router holding the standard groups and the audit routes (with
    /// disclosures), behind operator authentication as the application wires it.
    static func withAPI(
        _ body: @Sendable (AuditLogHarness, AccountService, DeniedRequestAuditor, any TestClientProtocol, Staff) async throws -> Void
    ) async throws {
        try await AuditLogHarness.with { harness in
            let random = SystemRandomSource()
            let accounts = AccountService(store: harness.store, clock: harness.clock, random: random)
            let messages = MessageService(
                dependencies: .init(store: harness.store, numbers: SimpleNumberResolver(), text: SimpleTextAnalyzer(), clock: harness.clock, random: random, wake: DispatchSignal()),
                policy: MessagePolicy(), nodeID: "test")
            let denied = DeniedRequestAuditor(store: harness.store, clock: harness.clock, logger: AuditLogHarness.logger())
            let services = HTTPServices(
                accounts: accounts, messages: messages, readiness: { ReadinessReport(checks: []) }, random: random, clock: harness.clock, deniedRequests: denied)
            // Operators live in a store of their own, so creating them adds no entries to the log under test.
            let staffStore = try SQLiteHeraldStore(path: harness.directory.appendingPathComponent("staff.sqlite").path, logger: AuditLogHarness.logger())
            try await staffStore.migrate()
            let operators = OperatorService(store: staffStore, clock: harness.clock, random: random)
            let proposals = ProposalService(dependencies: ProposalService.Dependencies(
                store: harness.store, routeValidator: AnyRoutes(), configuredRetention: RetentionSettings(messageBodyDays: 30, receiptGraceSeconds: 3600),
                clock: harness.clock, random: random))
            let staff = Staff(
                auditor: try await operators.createOperator(name: "Ada", role: .auditor, actor: .cli("test")),
                otherAuditor: try await operators.createOperator(name: "Grace", role: .auditor, actor: .cli("test")),
                admin: try await operators.createOperator(name: "Alan", role: .admin, actor: .cli("test")),
                secondAdmin: try await operators.createOperator(name: "Edsger", role: .admin, actor: .cli("test")),
                proposals: proposals)
            let access = OperatorAccess(operators: operators, audit: harness.store, clock: harness.clock, auditsRefusals: false)
            let disclosures = AuditDisclosures(
                proposals: proposals, disclosures: SealedValueDisclosureService(store: harness.store, log: harness.log, clock: harness.clock))
            let groups = HeraldAPI.standardGroups + [AuditRoutes(log: harness.log, authentication: access.auditor, disclosures: disclosures), RefusingRoutes()]
            let application = Application(responder: HeraldAPI.buildRouter(services: services, groups: groups).buildResponder(), logger: AuditLogHarness.logger())
            let frozen = harness
            do {
                try await Self.$token.withValue(staff.auditor.credential.text) {
                    try await application.test(.router) { client in try await body(frozen, accounts, denied, client, staff) }
                }
                try? await staffStore.close()
            } catch {
                try? await staffStore.close()
                throw error
            }
        }
    }

    static func get(
        _ client: any TestClientProtocol, _ uri: String, token: String? = Self.token, method: HTTPRequest.Method = .get, json: String? = nil
    ) async throws -> TestResponse {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await client.executeRequest(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    static func text(_ response: TestResponse) -> String { String(decoding: response.body.readableBytesView, as: UTF8.self) }
    static func object(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
    }

    @Test func customerKeysAndMissingTokensAreRefused() async throws {
        try await Self.withAPI { harness, accounts, denied, client, _ in
            let customer = try await accounts.createAccount(name: "acme", actor: .cli("test"))
            for token in [nil, customer.credential.text, "ho_wrong"] {
                let response = try await Self.get(client, "/v1/audit/checkpoint", token: token)
                #expect(response.status == .unauthorized)
                #expect(Self.object(response)["code"] as? String == "invalid_operator_token")
            }
            // The refusals are audited: coalesced into one event for the anonymous caller.
            await denied.flush()
            let events = try await harness.store.auditEvents().map(\.event).filter { $0.action == "request.denied" }
            #expect(events.count == 1)
            #expect(events.first?.details["count"] == "3")
            #expect(events.first?.details["code"] == "invalid_operator_token")
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
        try await Self.withAPI { harness, _, denied, client, _ in
            for uri in ["/test/policy", "/test/policy", "/test/limit", "/test/invalid"] { _ = try await Self.get(client, uri, token: nil) }
            await denied.flush()
            let events = try await harness.store.auditEvents().map(\.event).filter { $0.action == "request.denied" }
            #expect(events.map { $0.details["code"] ?? "" }.sorted() == ["fraud_prefix_blocked", "rate_limited"])
            #expect(events.first { $0.details["code"] == "fraud_prefix_blocked" }?.details["count"] == "2")
            #expect(events.first { $0.details["code"] == "rate_limited" }?.details["status"] == "429")
        }
    }

    @Test func checkpointsEntriesAndProofsVerifyAgainstTheLogKey() async throws {
        try await Self.withAPI { harness, _, _, client, _ in
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
            // Sealed values leave only through an approved disclosure.
            let refused = try await Self.get(client, "/v1/audit/entries?start=3&limit=1&sealed_values=include")
            #expect(refused.status == .forbidden)
            #expect(Self.object(refused)["code"] as? String == "disclosure_required")

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
        try await Self.withAPI { harness, _, _, client, _ in
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
        try await Self.withAPI { harness, _, _, client, _ in
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

    @Test func sealedValuesAreDisclosedOnceAfterASecondOperatorApproves() async throws {
        try await Self.withAPI { harness, _, _, client, staff in
            try await harness.appendEvents(10)   // entries 0, 3, 6 and 9 hold a sealed number
            // The auditor asks, with a reason, for entries 3..<7.
            let asked = try await Self.get(
                client, "/v1/audit/disclosures", method: .post, json: #"{"first_index": 3, "end_index": 7, "note": "complaint #4711"}"#)
            #expect(asked.status == .accepted, "\(Self.text(asked))")
            let id = Self.object(asked)["id"] as? String ?? ""
            #expect(Self.object(asked)["state"] as? String == "pending")
            // Not downloadable before approval.
            let early = try await Self.get(client, "/v1/audit/disclosures/\(id)/download")
            #expect(early.status == .notFound)

            let proposalID = try #require(ProposalID(id))
            _ = try await staff.proposals.approve(proposalID, by: staff.admin.operator.actor)
            let shown = Self.object(try await Self.get(client, "/v1/audit/disclosures/\(id)"))
            #expect(shown["state"] as? String == "ready" && shown["approved_by"] as? String == staff.admin.operator.actor.description)

            // Another auditor may not download it.
            let other = try await Self.get(client, "/v1/audit/disclosures/\(id)/download", token: staff.otherAuditor.credential.text)
            #expect(other.status == .forbidden && Self.object(other)["code"] as? String == "disclosure_not_permitted")
            // The auditor who asked gets a bundle that verifies, with the values of entries 3 and 6 only.
            let download = try await Self.get(client, "/v1/audit/disclosures/\(id)/download")
            #expect(download.status == .ok)
            let bundle = try AuditBundle(jsonLines: Array(download.body.readableBytesView))
            let disclosed = bundle.entries.filter { $0.payload.sealedFields.contains { !$0.isRedacted } }.map(\.index)
            #expect(disclosed == [3, 6])
            #expect(harness.verify(bundle).isClean, "\(harness.verify(bundle).rendered)")
            // Once only.
            let again = try await Self.get(client, "/v1/audit/disclosures/\(id)/download")
            #expect(again.status == .conflict && Self.object(again)["code"] as? String == "disclosure_already_downloaded")

            // Every step is in the log: the request, the approval with the change, the download and both refusals.
            let events = try await harness.store.auditEvents().map(\.event)
            #expect(events.contains { $0.action == "proposal.create" && $0.details["kind"] == "audit.sealed_values_disclose" })
            #expect(events.contains { $0.action == "audit.sealed_values_disclose" && $0.details["recipient"] == staff.auditor.operator.actor.description })
            let downloads = events.filter { $0.action == "audit.disclosure.download" }
            #expect(downloads.map(\.outcome).sorted() == ["denied", "denied", "denied", "ok"], "\(downloads)")
            #expect(downloads.contains { $0.outcome == "denied" && $0.details["reason"] == "not_permitted" })
            #expect(downloads.contains { $0.outcome == "denied" && $0.details["reason"] == "already_downloaded" })
        }
    }

    @Test func disclosureRequestsAreChecked() async throws {
        try await Self.withAPI { harness, _, _, client, staff in
            try await harness.appendEvents(5)
            let cases: [(String, Int, String)] = [
                (#"{"first_index": 3, "end_index": 3, "note": "x"}"#, 422, "invalid_disclosure_range"),
                (#"{"first_index": 0, "end_index": 6, "note": "x"}"#, 422, "invalid_disclosure_range"),
                (#"{"first_index": 0, "end_index": 20000, "note": "x"}"#, 422, "invalid_disclosure_range"),
                (#"{"first_index": 0, "end_index": 2}"#, 422, "invalid_note"),
                (#"{"first_index": 0, "end_index": 2, "note": "x", "everything": true}"#, 400, "unknown_field"),
            ]
            for (json, status, code) in cases {
                let response = try await Self.get(client, "/v1/audit/disclosures", method: .post, json: json)
                #expect(response.status.code == status, "\(json): \(Self.text(response))")
                #expect(Self.object(response)["code"] as? String == code, "\(json): \(Self.text(response))")
            }
            // Admins cannot ask for (or read) disclosures: the audit API is the auditor's.
            let byAdmin = try await Self.get(
                client, "/v1/audit/disclosures", token: staff.admin.credential.text, method: .post, json: #"{"first_index": 0, "end_index": 2, "note": "x"}"#)
            #expect(byAdmin.status == .forbidden && Self.object(byAdmin)["code"] as? String == "insufficient_role")
            // The proposer cannot be the approver: an auditor's request needs an admin.
            let asked = Self.object(try await Self.get(client, "/v1/audit/disclosures", method: .post, json: #"{"first_index": 0, "end_index": 2, "note": "x"}"#))
            let id = try #require(ProposalID(asked["id"] as? String ?? ""))
            await #expect(throws: HeraldError.self) { try await staff.proposals.approve(id, by: staff.auditor.operator.actor) }
            let list = Self.object(try await Self.get(client, "/v1/audit/disclosures"))
            #expect((list["data"] as? [Any])?.isEmpty == true)
        }
    }
}
