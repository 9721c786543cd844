import Foundation
import HeraldCore
import HeraldHTTP
import Hummingbird
import HummingbirdTesting
import Testing

/// The two-person rule through the admin API: a sensitive change takes effect only after a second, different
/// admin approves it; self-approval, double approval, expired and stale proposals are refused; every step is
/// audited with the change's digest.
@Suite struct ProposalLifecycleTests {
    static let routesJSON = #"{"rules": [{"id": "default", "default": true, "links": [{"link": "sim"}]}]}"#
    static let routesYAML = """
        rules:
          - id: de
            prefix: "49"
            links: [{ link: sim }]
          - id: default
            default: true
            links: [{ link: sim }]
        """

    @Test func routesTakeEffectOnlyAfterASecondAdminApproves() async throws {
        try await AdminHarness.with { harness in
            let (alice, aliceToken) = try await harness.newOperator(.admin, name: "alice")
            let (bob, bobToken) = try await harness.newOperator(.admin, name: "bob")
            try await harness.test { client in
                let proposed = try await client.request(.put, "/v1/admin/routes", key: aliceToken, json: Self.routesJSON)
                #expect(proposed.status == .accepted, "\(proposed.text)")
                let proposal = proposed.object
                let id = try #require(proposal["id"] as? String)
                let digest = try #require(proposal["digest"] as? String)
                #expect(proposal["kind"] as? String == "routes.replace")
                #expect(proposal["status"] as? String == "pending")
                #expect(proposal["proposed_by"] as? String == "operator:\(alice.id.rawValue)")
                #expect(digest.hasPrefix("sha256:"))
                // Nothing changed yet.
                #expect(try await harness.store.routesVersion() == 0)

                try await client.request(.post, "/v1/admin/proposals/\(id)/approve", key: aliceToken).expectProblem(403, code: "self_approval")
                #expect(try await harness.store.routesVersion() == 0)

                let approved = try await client.request(.post, "/v1/admin/proposals/\(id)/approve", key: bobToken)
                #expect(approved.status == .ok, "\(approved.text)")
                #expect(approved.object["status"] as? String == "approved")
                #expect(approved.object["decided_by"] as? String == "operator:\(bob.id.rawValue)")
                let routes = try await harness.store.routeSet()
                #expect(routes.version == 1)
                #expect(routes.rules.map(\.id) == ["default"])
                #expect(harness.routing.table.version == 1)

                try await client.request(.post, "/v1/admin/proposals/\(id)/approve", key: bobToken).expectProblem(409, code: "proposal_not_pending")
                let (_, carolToken) = try await harness.newOperator(.admin, name: "carol")
                try await client.request(.post, "/v1/admin/proposals/\(id)/approve", key: carolToken).expectProblem(409, code: "proposal_not_pending")
                #expect(try await harness.store.routesVersion() == 1)

                let current = try await client.request(.get, "/v1/admin/routes", key: carolToken)
                #expect(current.object["version"] as? Int == 1)
                #expect(current.object["in_force_version"] as? Int == 1)

                let events = try await harness.auditEvents().filter { $0.target == id || $0.action == "routes.replace" }
                #expect(events.map(\.action) == ["proposal.create", "proposal.approve", "proposal.approve", "routes.replace", "proposal.approve", "proposal.approve"])
                #expect(events.map(\.outcome) == ["proposed", "denied", "approved", "ok", "denied", "denied"])
                #expect(events[1].details["reason"] == "self_approval")
                #expect(events[4].details["reason"] == "not_pending")
                #expect(events.allSatisfy { $0.details["digest"] == digest })
                #expect(events[3].actor == bob.actor)
                #expect(events[3].details["proposed_by"] == alice.actor.description)
            }
        }
    }

    @Test func aRoutesFileInYAMLIsValidatedBeforeItBecomesAProposal() async throws {
        try await AdminHarness.with { harness in
            let (_, token) = try await harness.newOperator(.admin)
            try await harness.test { client in
                let yaml = try await client.request(.put, "/v1/admin/routes", key: token, json: nil, headers: ["Content-Type": "application/yaml"], body: Self.routesYAML)
                #expect(yaml.status == .accepted, "\(yaml.text)")
                #expect((yaml.object["change"] as? [String: Any])?["rules"] as? [Any] != nil)

                let unknownLink = #"{"rules": [{"id": "default", "default": true, "links": [{"link": "nowhere"}]}]}"#
                let refused = try await client.request(.put, "/v1/admin/routes", key: token, json: unknownLink).expectProblem(422, code: "invalid_routes")
                #expect((refused["detail"] as? String)?.contains("nowhere") == true)
                try await client.request(.put, "/v1/admin/routes", key: token, json: #"{"rulez": []}"#).expectProblem(422, code: "invalid_routes_file")
                try await client.request(.put, "/v1/admin/routes?expected_version=3", key: token, json: Self.routesJSON)
                    .expectProblem(409, code: "routes_version_conflict")
                try await client.request(.put, "/v1/admin/routes", key: token, headers: ["Content-Type": "text/html"], body: "<p>")
                    .expectProblem(415, code: "unsupported_media_type", field: "Content-Type")
                #expect(try await harness.proposals.proposals().count == 1)
            }
        }
    }

    @Test func aStaleRoutesProposalIsRefusedAndSuperseded() async throws {
        try await AdminHarness.with { harness in
            let (_, aliceToken) = try await harness.newOperator(.admin, name: "alice")
            let (_, bobToken) = try await harness.newOperator(.admin, name: "bob")
            try await harness.test { client in
                let first = try #require(try await client.request(.put, "/v1/admin/routes", key: aliceToken, json: Self.routesJSON).object["id"] as? String)
                let second = try #require(try await client.request(
                    .put, "/v1/admin/routes", key: aliceToken, headers: ["Content-Type": "application/yaml"], body: Self.routesYAML).object["id"] as? String)
                let third = try #require(try await client.request(.put, "/v1/admin/routes", key: bobToken, json: Self.routesJSON).object["id"] as? String)
                // The routes change behind the proposals' backs (another node, the store directly).
                try await harness.store.replaceRoutes([], expectedVersion: nil, at: harness.clock.now(), audit: [])
                try await client.request(.post, "/v1/admin/proposals/\(first)/approve", key: bobToken).expectProblem(409, code: "proposal_stale")
                #expect(try await harness.proposals.proposal(ProposalID(first)!).status == .superseded)
                #expect(try await harness.store.routesVersion() == 1)

                // Approving one pending routes proposal supersedes the others prepared against the same version.
                _ = try await harness.store.replaceRoutes([], expectedVersion: nil, at: harness.clock.now(), audit: [])
                let fourth = try #require(try await client.request(.put, "/v1/admin/routes", key: aliceToken, json: Self.routesJSON).object["id"] as? String)
                let fifth = try #require(try await client.request(.put, "/v1/admin/routes", key: aliceToken, json: Self.routesJSON).object["id"] as? String)
                #expect(try await client.request(.post, "/v1/admin/proposals/\(fourth)/approve", key: bobToken).status == .ok)
                #expect(try await harness.proposals.proposal(ProposalID(fifth)!).status == .superseded)
                try await client.request(.post, "/v1/admin/proposals/\(fifth)/approve", key: bobToken).expectProblem(409, code: "proposal_not_pending")
                for id in [second, third] {
                    #expect(try await harness.proposals.proposal(ProposalID(id)!).status == .superseded)
                }
                let superseded = try await harness.auditEvents().filter { $0.action == "proposal.supersede" }.map(\.target)
                #expect(Set(superseded) == [first, second, third, fifth])
            }
        }
    }

    @Test func rejectionAndExpiryEndAProposalWithoutEffect() async throws {
        try await AdminHarness.with { harness in
            let (_, aliceToken) = try await harness.newOperator(.admin, name: "alice")
            let (_, bobToken) = try await harness.newOperator(.admin, name: "bob")
            try await harness.test { client in
                let rejected = try #require(try await client.request(.put, "/v1/admin/routes", key: aliceToken, json: Self.routesJSON).object["id"] as? String)
                let answer = try await client.request(.post, "/v1/admin/proposals/\(rejected)/reject", key: bobToken, json: #"{"reason": "not yet"}"#)
                #expect(answer.status == .ok)
                #expect(answer.object["status"] as? String == "rejected")
                #expect(answer.object["decision_note"] as? String == "not yet")
                try await client.request(.post, "/v1/admin/proposals/\(rejected)/approve", key: bobToken).expectProblem(409, code: "proposal_not_pending")

                let expiring = try #require(try await client.request(.put, "/v1/admin/routes", key: aliceToken, json: Self.routesJSON).object["id"] as? String)
                harness.clock.advance(by: ProposalService.defaultLifetime + .seconds(1))
                try await client.request(.post, "/v1/admin/proposals/\(expiring)/approve", key: bobToken).expectProblem(409, code: "proposal_expired")
                #expect(try await harness.proposals.proposal(ProposalID(expiring)!).status == .expired)

                let swept = try #require(try await client.request(.put, "/v1/admin/routes", key: aliceToken, json: Self.routesJSON).object["id"] as? String)
                harness.clock.advance(by: ProposalService.defaultLifetime)
                #expect(try await harness.proposals.expireDue() == 1)
                let listed = try await client.request(.get, "/v1/admin/proposals?status=expired", key: bobToken)
                #expect(Set(((listed.object["data"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }) == [expiring, swept])
                #expect(try await harness.store.routesVersion() == 0)

                let events = try await harness.auditEvents()
                #expect(events.contains { $0.action == "proposal.reject" && $0.target == rejected && $0.details["reason"] == "not yet" })
                #expect(events.filter { $0.action == "proposal.expire" }.map(\.target) == [expiring, swept])
            }
        }
    }

    @Test func raisingLimitsNeedsApprovalWhileLoweringThemAppliesAtOnce() async throws {
        try await AdminHarness.with { harness in
            let (_, aliceToken) = try await harness.newOperator(.admin, name: "alice")
            let (_, bobToken) = try await harness.newOperator(.admin, name: "bob")
            let (account, _) = try await harness.newAccount()
            try await harness.test { client in
                let lowered = try await client.request(.put, "/v1/admin/accounts/\(account.id)/limits", key: aliceToken, json: #"{"messages_per_second": 10}"#)
                #expect(lowered.status == .ok, "\(lowered.text)")
                #expect(lowered.object["proposal"] == nil || lowered.object["proposal"] is NSNull)
                #expect(try await harness.store.account(account.id)?.limits.messagesPerSecond == 10)

                // A raise of one value and a decrease of another: the decrease now, the raise as a proposal.
                let mixed = try await client.request(
                    .put, "/v1/admin/accounts/\(account.id)/limits", key: aliceToken, json: #"{"messages_per_second": 500, "message_burst": 50, "note": "launch"}"#)
                #expect(mixed.status == .accepted, "\(mixed.text)")
                var limits = try #require(try await harness.store.account(account.id)?.limits)
                #expect(limits.messagesPerSecond == 10)
                #expect(limits.messageBurst == 50)
                let proposal = try #require(mixed.object["proposal"] as? [String: Any])
                let id = try #require(proposal["id"] as? String)
                #expect(proposal["kind"] as? String == "account.limits_raise")
                #expect(((proposal["change"] as? [String: Any])?["to"] as? [String: Any])?["messages_per_second"] as? Double == 500)

                try await client.request(.post, "/v1/admin/proposals/\(id)/approve", key: aliceToken).expectProblem(403, code: "self_approval")
                #expect(try await client.request(.post, "/v1/admin/proposals/\(id)/approve", key: bobToken).status == .ok)
                limits = try #require(try await harness.store.account(account.id)?.limits)
                #expect(limits.messagesPerSecond == 500)
                #expect(limits.messageBurst == 50)

                try await client.request(.put, "/v1/admin/accounts/\(account.id)/limits", key: aliceToken, json: #"{"messages_per_day": 0}"#)
                    .expectProblem(422, code: "invalid_limits", field: "messages_per_day")

                let actions = try await harness.auditEvents().map(\.action)
                #expect(actions.filter { $0 == "account.limits_lower" }.count == 2)
                #expect(actions.contains("account.limits_raise"))
            }
        }
    }

    @Test func aLimitsRaiseIsStaleOnceTheLimitsChanged() async throws {
        try await AdminHarness.with { harness in
            let (_, aliceToken) = try await harness.newOperator(.admin, name: "alice")
            let (_, bobToken) = try await harness.newOperator(.admin, name: "bob")
            let (account, _) = try await harness.newAccount()
            try await harness.test { client in
                let raise = try await client.request(.put, "/v1/admin/accounts/\(account.id)/limits", key: aliceToken, json: #"{"messages_per_second": 500}"#)
                let id = try #require((raise.object["proposal"] as? [String: Any])?["id"] as? String)
                _ = try await client.request(.put, "/v1/admin/accounts/\(account.id)/limits", key: bobToken, json: #"{"messages_per_day": 10}"#)
                try await client.request(.post, "/v1/admin/proposals/\(id)/approve", key: bobToken).expectProblem(409, code: "proposal_stale")
                #expect(try await harness.store.account(account.id)?.limits.messagesPerSecond == 100)
            }
        }
    }

    @Test func retentionChangesAfterApproval() async throws {
        try await AdminHarness.with { harness in
            let (_, aliceToken) = try await harness.newOperator(.admin, name: "alice")
            let (_, bobToken) = try await harness.newOperator(.admin, name: "bob")
            try await harness.test { client in
                let before = try await client.request(.get, "/v1/admin/retention", key: aliceToken)
                #expect(before.object["message_body_days"] as? Int == 30)
                #expect(before.object["source"] as? String == "configuration")
                try await client.request(.put, "/v1/admin/retention", key: aliceToken, json: #"{"message_body_days": 30}"#).expectProblem(422, code: "no_change")
                try await client.request(.put, "/v1/admin/retention", key: aliceToken, json: #"{"message_body_days": 0}"#)
                    .expectProblem(422, code: "invalid_retention", field: "message_body_days")
                let proposed = try await client.request(.put, "/v1/admin/retention", key: aliceToken, json: #"{"message_body_days": 7}"#)
                #expect(proposed.status == .accepted)
                let id = try #require(proposed.object["id"] as? String)
                #expect(try await harness.store.retentionRecord() == nil)
                #expect(try await client.request(.post, "/v1/admin/proposals/\(id)/approve", key: bobToken).status == .ok)
                let after = try await client.request(.get, "/v1/admin/retention", key: aliceToken)
                #expect(after.object["message_body_days"] as? Int == 7)
                #expect(after.object["source"] as? String == "approved")
                #expect(after.object["revision"] as? Int == 1)
            }
        }
    }

    @Test func anApprovedExportIsDownloadedOnceByTheProposerOrApprover() async throws {
        try await AdminHarness.with { harness in
            let (alice, aliceToken) = try await harness.newOperator(.admin, name: "alice")
            let (_, bobToken) = try await harness.newOperator(.admin, name: "bob")
            let (_, carolToken) = try await harness.newOperator(.admin, name: "carol")
            let (account, key) = try await harness.newAccount()
            let (_, otherKey) = try await harness.newAccount("Other")
            try await harness.test { client in
                for index in 0..<5 {
                    #expect(try await client.request(.post, "/v1/messages", key: key, json: sendJSON(body: "hello \(index)")).status == .accepted)
                    harness.clock.advance(by: .seconds(1))
                }
                _ = try await client.request(.post, "/v1/messages", key: otherKey, json: sendJSON(body: "not exported"))
                let from = harness.clock.now().adding(seconds: -86_400).iso8601
                let to = harness.clock.now().adding(seconds: 60).iso8601
                let proposed = try await client.request(
                    .post, "/v1/admin/exports", key: aliceToken, json: #"{"account_id": "\#(account.id)", "from": "\#(from)", "to": "\#(to)"}"#)
                #expect(proposed.status == .accepted, "\(proposed.text)")
                let id = try #require(proposed.object["id"] as? String)
                try await client.request(.get, "/v1/admin/exports/\(id)/download", key: aliceToken).expectProblem(404, code: "not_found")
                #expect(try await client.request(.post, "/v1/admin/proposals/\(id)/approve", key: bobToken).status == .ok)

                try await client.request(.get, "/v1/admin/exports/\(id)/download", key: carolToken).expectProblem(403, code: "export_not_permitted")
                let download = try await client.request(.get, "/v1/admin/exports/\(id)/download", key: aliceToken)
                #expect(download.status == .ok)
                #expect(download.headers[.contentType] == "application/x-ndjson")
                let lines = download.text.split(separator: "\n")
                #expect(lines.count == 5)
                #expect(lines.allSatisfy { $0.contains("\"object\":\"message\"") && !$0.contains("not exported") })
                try await client.request(.get, "/v1/admin/exports/\(id)/download", key: bobToken).expectProblem(409, code: "export_already_downloaded")
                let state = try await client.request(.get, "/v1/admin/exports/\(id)", key: carolToken)
                #expect(state.object["state"] as? String == "downloaded")
                #expect(state.object["downloaded_by"] as? String == alice.actor.description)

                let downloads = try await harness.auditEvents().filter { $0.action == "messages.export.download" }
                #expect(downloads.map(\.outcome) == ["denied", "ok", "denied"])
                #expect(downloads.map { $0.details["reason"] } == ["not_permitted", nil, "already_downloaded"])
            }
        }
    }

    @Test func carrierLinkProposalsAreCheckedAndAppliedToTheStore() async throws {
        try await AdminHarness.with { harness in
            let (_, aliceToken) = try await harness.newOperator(.admin, name: "alice")
            let (_, bobToken) = try await harness.newOperator(.admin, name: "bob")
            try await harness.test { client in
                let link = #"{"id": "acme", "host": "127.0.0.1", "port": 2775, "system_id": "herald", "password": "s3cret", "binds": 2}"#
                let proposed = try await client.request(.post, "/v1/admin/carrier-links", key: aliceToken, json: link)
                #expect(proposed.status == .accepted, "\(proposed.text)")
                #expect(!proposed.text.contains("s3cret"))
                let id = try #require(proposed.object["id"] as? String)
                try await client.request(.post, "/v1/admin/carrier-links", key: aliceToken, json: #"{"id": "sim", "host": "h", "port": 1, "system_id": "s", "password": ""}"#)
                    .expectProblem(409, code: "carrier_link_exists")
                try await client.request(.post, "/v1/admin/carrier-links", key: aliceToken, json: #"{"id": "x", "host": "h", "port": 0, "system_id": "s", "password": ""}"#)
                    .expectProblem(422, code: "invalid_carrier_link", field: "port")
                try await client.request(.delete, "/v1/admin/carrier-links/sim", key: aliceToken).expectProblem(409, code: "carrier_link_built_in")
                #expect(try await client.request(.post, "/v1/admin/proposals/\(id)/approve", key: bobToken).status == .ok)

                let stored = try #require(try await harness.store.carrierLinks().record("acme"))
                #expect(stored.revision == 1)
                #expect(stored.definition.password == "s3cret")
                #expect(stored.origin == .proposal)
                let listed = try await client.request(.get, "/v1/admin/carrier-links", key: aliceToken)
                #expect(!listed.text.contains("s3cret"))
                #expect(((listed.object["data"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String } == ["sim", "acme"])

                // A change keeps the password it does not send; a removal is refused while a rule names the link.
                let change = try #require(try await client.request(.put, "/v1/admin/carrier-links/acme", key: aliceToken, json: #"{"binds": 4}"#).object["id"] as? String)
                #expect(try await client.request(.post, "/v1/admin/proposals/\(change)/approve", key: bobToken).status == .ok)
                let changed = try #require(try await harness.store.carrierLinks().record("acme"))
                #expect(changed.revision == 2 && changed.definition.binds == 4 && changed.definition.password == "s3cret")

                let routes = #"{"rules": [{"id": "default", "default": true, "links": [{"link": "acme"}]}]}"#
                let routesProposal = try #require(try await client.request(.put, "/v1/admin/routes", key: aliceToken, json: routes).object["id"] as? String)
                #expect(try await client.request(.post, "/v1/admin/proposals/\(routesProposal)/approve", key: bobToken).status == .ok)
                try await client.request(.delete, "/v1/admin/carrier-links/acme", key: aliceToken).expectProblem(409, code: "carrier_link_in_use")
                #expect(harness.knobs.approved.withLock { $0.map(\.kind) } == ["carrier_link.add", "carrier_link.change", "routes.replace"])
            }
        }
    }

    @Test func geoPermissionsAreSetAtOnceAndAudited() async throws {
        try await AdminHarness.with { harness in
            let (_, token) = try await harness.newOperator(.admin)
            let (account, _) = try await harness.newAccount()
            try await harness.test { client in
                let answer = try await client.request(
                    .put, "/v1/admin/accounts/\(account.id)/country-permissions", key: token, json: #"{"mode": "allow_listed", "countries": ["de", "FR"]}"#)
                #expect(answer.status == .ok, "\(answer.text)")
                let permissions = try #require(try await harness.store.account(account.id)?.countryPermissions)
                #expect(permissions.allows(region: "DE") && permissions.allows(region: "FR") && !permissions.allows(region: "US"))
                try await client.request(
                    .put, "/v1/admin/accounts/\(account.id)/country-permissions", key: token, json: #"{"mode": "allow_listed", "countries": ["Germany"]}"#)
                    .expectProblem(422, code: "invalid_countries", field: "countries")
                #expect(try await harness.auditEvents().contains { $0.action == "account.country_permissions" && $0.details["countries"] == "DE,FR" })
            }
        }
    }

    @Test func supportManagesAccountsAndKeysAndAdminsManageOperators() async throws {
        try await AdminHarness.with { harness in
            let (support, supportToken) = try await harness.newOperator(.support)
            let (admin, adminToken) = try await harness.newOperator(.admin)
            try await harness.test { client in
                let created = try await client.request(.post, "/v1/admin/accounts", key: supportToken, json: #"{"name": "Globex"}"#)
                #expect(created.status == .created, "\(created.text)")
                let accountID = try #require((created.object["account"] as? [String: Any])?["id"] as? String)
                let key = try #require((created.object["api_key"] as? [String: Any])?["key"] as? String)
                #expect(try await client.request(.get, "/v1/messages", key: key).status == .ok)

                let suspended = try await client.request(.post, "/v1/admin/accounts/\(accountID)/suspend", key: supportToken)
                #expect(suspended.object["status"] as? String == "suspended")
                #expect(try await client.request(.post, "/v1/admin/accounts/\(accountID)/reactivate", key: supportToken).object["status"] as? String == "active")

                let issued = try await client.request(.post, "/v1/admin/accounts/\(accountID)/api-keys", key: supportToken, json: #"{"name": "ci"}"#)
                #expect(issued.status == .created)
                let keyID = try #require(issued.object["id"] as? String)
                #expect(try await client.request(.delete, "/v1/admin/accounts/\(accountID)/api-keys/\(keyID)", key: supportToken).status == .noContent)
                let detail = try await client.request(.get, "/v1/admin/accounts/\(accountID)", key: supportToken)
                #expect(((detail.object["api_keys"] as? [[String: Any]]) ?? []).count == 2)
                #expect(!detail.text.contains("whsec_"))

                let newOperator = try await client.request(.post, "/v1/admin/operators", key: adminToken, json: #"{"name": "Dana", "role": "viewer", "expires_in_days": 7}"#)
                #expect(newOperator.status == .created, "\(newOperator.text)")
                let token = try #require((newOperator.object["token"] as? [String: Any])?["token"] as? String)
                #expect(try await client.request(.get, "/v1/admin/accounts", key: token).status == .ok)
                try await client.request(.post, "/v1/admin/operators", key: adminToken, json: #"{"name": "Eve", "role": "root"}"#).expectProblem(422, code: "invalid_role", field: "role")
                #expect(try await client.request(.post, "/v1/admin/operators/\(support.id)/disable", key: adminToken).object["status"] as? String == "disabled")
                try await client.request(.post, "/v1/admin/operators/\(admin.id)/disable", key: adminToken).expectProblem(409, code: "last_admin")

                let events = try await harness.auditEvents()
                for action in ["account.create", "api_key.issue", "account.suspend", "account.reactivate", "api_key.revoke", "operator.create", "operator.disable"] {
                    #expect(events.contains { $0.action == action && $0.actor.kind == "operator" }, "\(action)")
                }
            }
        }
    }
}
