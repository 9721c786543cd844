import Foundation
import HeraldCore
import HeraldHTTP
import HummingbirdTesting
import Testing

/// `/v1/admin/accounts/{id}/smpp`: operators manage accounts' SMPP access over HTTP through the same service
/// as `herald smpp-account`; passwords are shown once and never again; raising the throughput needs a second
/// operator, lowering it applies at once; every change is audited with the operator as actor.
@Suite struct AdminSMPPAccessTests {
    static func bind(_ harness: AdminHarness, _ systemID: String, _ password: String) async -> SMPPBindOutcome {
        await harness.smppAccounts.authenticate(
            SMPPBindCredentials(systemID: systemID, password: password, bindType: "transceiver", remoteAddress: "127.0.0.1", session: "1")
        ) { _ in true }
    }

    @Test func aGeneratedPasswordIsAnsweredOnceAndNeverShownAgain() async throws {
        try await AdminHarness.with { harness in
            let (support, supportToken) = try await harness.newOperator(.support)
            let (_, viewerToken) = try await harness.newOperator(.viewer)
            let (account, _) = try await harness.newAccount()
            let path = "/v1/admin/accounts/\(account.id)/smpp"
            try await harness.test { client in
                try await client.request(.get, path, key: viewerToken).expectProblem(404, code: "not_found")

                let created = try await client.request(.put, path + "/credentials", key: supportToken, json: #"{"system_id": "acme"}"#)
                #expect(created.status == .created, "\(created.text)")
                let password = try #require(created.object["password"] as? String)
                #expect(password.count == 8)
                let access = try #require(created.object["smpp_access"] as? [String: Any])
                #expect(access["system_id"] as? String == "acme")
                #expect(access["account_id"] as? String == account.id.rawValue)
                #expect(access["max_binds"] as? Int == SMPPAccount.defaultMaximumBinds)
                #expect(access["window"] as? Int == SMPPAccount.defaultWindow)
                #expect(access["tps"] as? Double == SMPPAccount.defaultMessagesPerSecond)
                #expect(access["password"] == nil && access["password_hash"] == nil)
                guard case .accepted = await Self.bind(harness, "acme", password) else {
                    Issue.record("the generated password does not bind")
                    return
                }

                // Reading never shows the password or its hash.
                let read = try await client.request(.get, path, key: viewerToken)
                #expect(read.status == .ok)
                #expect(Set(read.object.keys) == ["object", "account_id", "system_id", "max_binds", "allowed_networks", "window", "tps", "created_at", "updated_at"])
                let hash = try #require(try await harness.store.smppAccount(accountID: account.id)?.passwordHash)
                for text in [read.text, try await client.request(.get, "/v1/admin/accounts/\(account.id)", key: viewerToken).text] {
                    #expect(!text.contains(password) && !text.contains(hash) && !text.contains("pbkdf2"))
                }

                // A password the operator chooses is not echoed; the old one stops working.
                let rotated = try await client.request(.put, path + "/credentials", key: supportToken, json: #"{"system_id": "acme2", "password": "n3wpass"}"#)
                #expect(rotated.status == .ok, "\(rotated.text)")
                #expect(rotated.object["password"] == nil)
                #expect(!rotated.text.contains("n3wpass"))
                #expect((rotated.object["smpp_access"] as? [String: Any])?["system_id"] as? String == "acme2")
                guard case .denied(.unknownSystemID) = await Self.bind(harness, "acme", password),
                      case .denied(.invalidPassword) = await Self.bind(harness, "acme2", password),
                      case .accepted = await Self.bind(harness, "acme2", "n3wpass") else {
                    Issue.record("the rotated credentials do not apply")
                    return
                }

                let events = try await harness.auditEvents().filter { $0.action == "smpp_account.set_credentials" }
                #expect(events.count == 2)
                #expect(events.allSatisfy { $0.actor == support.actor && $0.target == account.id.rawValue })
                #expect(events.last?.details["previous_system_id"] == "acme")
                #expect(events.allSatisfy { !$0.details.values.contains { $0.contains(password) || $0.contains("n3wpass") } })
            }
        }
    }

    @Test func bindLimitAllowedNetworksAndRemovalApplyAtOnceAndAreAudited() async throws {
        try await AdminHarness.with { harness in
            let (support, supportToken) = try await harness.newOperator(.support)
            let (admin, adminToken) = try await harness.newOperator(.admin)
            let (account, _) = try await harness.newAccount()
            let path = "/v1/admin/accounts/\(account.id)/smpp"
            try await harness.smppAccounts.setCredentials(accountID: account.id, systemID: "acme", password: "s3cret", actor: .cli("test"))
            try await harness.test { client in
                let limited = try await client.request(.put, path + "/bind-limit", key: supportToken, json: #"{"max_binds": 2}"#)
                #expect(limited.status == .ok, "\(limited.text)")
                #expect(limited.object["max_binds"] as? Int == 2)
                #expect(try await harness.smppAccounts.access(of: account.id)?.maximumBinds == 2)

                let networks = try await client.request(
                    .put, path + "/allowed-networks", key: adminToken, json: #"{"allowed_networks": ["203.0.113.0/24", "2001:db8::/32", "203.0.113.0/24"]}"#)
                #expect(networks.status == .ok, "\(networks.text)")
                #expect(networks.object["allowed_networks"] as? [String] == ["203.0.113.0/24", "2001:db8::/32"])
                guard case .denied(.addressNotAllowed) = await Self.bind(harness, "acme", "s3cret") else {
                    Issue.record("a bind from outside the allowed ranges was accepted")
                    return
                }
                let any = try await client.request(.put, path + "/allowed-networks", key: adminToken, json: #"{"allowed_networks": []}"#)
                #expect(any.object["allowed_networks"] as? [String] == [])

                #expect(try await client.request(.delete, path, key: supportToken).status == .noContent)
                try await client.request(.get, path, key: supportToken).expectProblem(404, code: "not_found")
                try await client.request(.delete, path, key: supportToken).expectProblem(404, code: "not_found")
                guard case .denied(.unknownSystemID) = await Self.bind(harness, "acme", "s3cret") else {
                    Issue.record("a removed access still binds")
                    return
                }

                let events = try await harness.auditEvents().filter { $0.action.hasPrefix("smpp_account.") && $0.actor.kind == "operator" }
                #expect(events.map(\.action) == [
                    "smpp_account.set_bind_limit", "smpp_account.set_allowed_networks", "smpp_account.set_allowed_networks", "smpp_account.remove",
                ])
                #expect(events.map(\.actor) == [support.actor, admin.actor, admin.actor, support.actor])
                #expect(events[1].details["allowed_networks"] == "203.0.113.0/24,2001:db8::/32")
                #expect(events[2].details["allowed_networks"] == "any")
            }
        }
    }

    @Test func invalidSettingsAreRefusedWithTheirCodesAndChangeNothing() async throws {
        try await AdminHarness.with { harness in
            let (_, adminToken) = try await harness.newOperator(.admin)
            let (account, _) = try await harness.newAccount()
            let (other, _) = try await harness.newAccount("Other")
            let path = "/v1/admin/accounts/\(account.id)/smpp"
            try await harness.test { client in
                // Settings need the access first; unknown accounts are not found.
                try await client.request(.put, path + "/bind-limit", key: adminToken, json: #"{"max_binds": 2}"#).expectProblem(404, code: "not_found")
                try await client.request(.put, path + "/throughput", key: adminToken, json: #"{"window": 2}"#).expectProblem(404, code: "not_found")
                try await client.request(.put, "/v1/admin/accounts/acc_0000000000000000000000000a/smpp/credentials", key: adminToken, json: #"{"system_id": "x"}"#)
                    .expectProblem(404, code: "not_found")

                let credentials = path + "/credentials"
                try await client.request(.put, credentials, key: adminToken, json: #"{"system_id": "has space"}"#)
                    .expectProblem(422, code: "invalid_system_id", field: "system_id")
                try await client.request(.put, credentials, key: adminToken, json: #"{"system_id": "sixteen-chars-xx"}"#)
                    .expectProblem(422, code: "invalid_system_id", field: "system_id")
                try await client.request(.put, credentials, key: adminToken, json: #"{"system_id": "acme", "password": "ninechars"}"#)
                    .expectProblem(422, code: "invalid_password", field: "password")
                try await client.request(.put, credentials, key: adminToken, json: #"{"password": "pw"}"#).expectProblem(400, code: "missing_field", field: "system_id")
                try await client.request(.put, credentials, key: adminToken, json: #"{"system_id": "acme", "pasword": "pw"}"#)
                    .expectProblem(400, code: "unknown_field", field: "pasword")
                try await harness.smppAccounts.setCredentials(accountID: other.id, systemID: "taken", password: "pw", actor: .cli("test"))
                try await client.request(.put, credentials, key: adminToken, json: #"{"system_id": "taken"}"#).expectProblem(409, code: "system_id_taken", field: "system_id")
                #expect(try await harness.smppAccounts.access(of: account.id) == nil)

                #expect(try await client.request(.put, credentials, key: adminToken, json: #"{"system_id": "acme", "password": "pw"}"#).status == .created)
                let before = try await harness.smppAccounts.access(of: account.id)
                try await client.request(.put, path + "/bind-limit", key: adminToken, json: #"{"max_binds": 0}"#)
                    .expectProblem(422, code: "invalid_bind_limit", field: "max_binds")
                try await client.request(.put, path + "/bind-limit", key: adminToken, json: #"{"max_binds": 1.5}"#)
                    .expectProblem(400, code: "invalid_type", field: "max_binds")
                try await client.request(.put, path + "/allowed-networks", key: adminToken, json: #"{"allowed_networks": ["203.0.113.0/33"]}"#)
                    .expectProblem(422, code: "invalid_network", field: "allowed_networks")
                try await client.request(.put, path + "/allowed-networks", key: adminToken, json: #"{"allowed_networks": ["example.com"]}"#)
                    .expectProblem(422, code: "invalid_network", field: "allowed_networks")
                try await client.request(.put, path + "/throughput", key: adminToken, json: #"{"window": 0}"#)
                    .expectProblem(422, code: "invalid_window", field: "window")
                try await client.request(.put, path + "/throughput", key: adminToken, json: #"{"tps": 20000}"#)
                    .expectProblem(422, code: "invalid_throughput", field: "tps")
                try await client.request(.put, path + "/throughput", key: adminToken, json: #"{"tps": 0.01}"#)
                    .expectProblem(422, code: "invalid_throughput", field: "tps")
                try await client.request(.get, path + "?x=1", key: adminToken).expectProblem(400, code: "invalid_parameter", field: "x")
                #expect(try await harness.smppAccounts.access(of: account.id) == before)
                #expect(try await harness.proposals.proposals().isEmpty)
            }
        }
    }

    @Test func raisingTheThroughputNeedsASecondOperatorWhileLoweringItAppliesAtOnce() async throws {
        try await AdminHarness.with { harness in
            let (alice, aliceToken) = try await harness.newOperator(.admin, name: "alice")
            let (bob, bobToken) = try await harness.newOperator(.admin, name: "bob")
            let (account, _) = try await harness.newAccount()
            try await harness.smppAccounts.setCredentials(accountID: account.id, systemID: "acme", password: "s3cret", actor: .cli("test"))
            let path = "/v1/admin/accounts/\(account.id)/smpp/throughput"
            try await harness.test { client in
                let lowered = try await client.request(.put, path, key: aliceToken, json: #"{"window": 5}"#)
                #expect(lowered.status == .ok, "\(lowered.text)")
                #expect(lowered.object["proposal"] == nil)
                #expect((lowered.object["smpp_access"] as? [String: Any])?["window"] as? Int == 5)
                #expect(try await harness.smppAccounts.access(of: account.id)?.throughput == SMPPThroughput(window: 5, messagesPerSecond: 50))

                // A raise of the window and a decrease of the TPS: the decrease now, the raise as a proposal.
                let mixed = try await client.request(.put, path, key: aliceToken, json: #"{"window": 40, "tps": 25, "note": "campaign"}"#)
                #expect(mixed.status == .accepted, "\(mixed.text)")
                #expect(try await harness.smppAccounts.access(of: account.id)?.throughput == SMPPThroughput(window: 5, messagesPerSecond: 25))
                let proposal = try #require(mixed.object["proposal"] as? [String: Any])
                let id = try #require(proposal["id"] as? String)
                #expect(proposal["kind"] as? String == "smpp_account.throughput_raise")
                #expect(proposal["target"] as? String == "smpp_account:\(account.id)")
                #expect(proposal["note"] as? String == "campaign")
                let change = try #require(proposal["change"] as? [String: Any])
                #expect(change["account_id"] as? String == account.id.rawValue)
                #expect((change["from"] as? [String: Any])?["window"] as? Int == 5)
                #expect((change["to"] as? [String: Any])?["window"] as? Int == 40)
                #expect((change["to"] as? [String: Any])?["tps"] as? Double == 25)

                // Until approved, new binds get the limits in force.
                guard case .accepted(_, let before) = await Self.bind(harness, "acme", "s3cret") else {
                    Issue.record("no bind")
                    return
                }
                #expect(before.window == 5)

                try await client.request(.post, "/v1/admin/proposals/\(id)/approve", key: aliceToken).expectProblem(403, code: "self_approval")
                #expect(try await harness.smppAccounts.access(of: account.id)?.window == 5)
                let approved = try await client.request(.post, "/v1/admin/proposals/\(id)/approve", key: bobToken)
                #expect(approved.status == .ok, "\(approved.text)")
                #expect(approved.object["status"] as? String == "approved")
                #expect(try await harness.smppAccounts.access(of: account.id)?.throughput == SMPPThroughput(window: 40, messagesPerSecond: 25))
                guard case .accepted(_, let after) = await Self.bind(harness, "acme", "s3cret") else {
                    Issue.record("no bind")
                    return
                }
                #expect(after.throughput == SMPPThroughput(window: 40, messagesPerSecond: 25))

                // The same values again change nothing and propose nothing.
                let same = try await client.request(.put, path, key: aliceToken, json: #"{"window": 40}"#)
                #expect(same.status == .ok)
                #expect(try await harness.proposals.proposals().count == 1)

                let events = try await harness.auditEvents()
                let lowers = events.filter { $0.action == "smpp_account.set_throughput" && $0.actor == alice.actor }
                #expect(lowers.map { $0.details["window"] } == ["5", "5"])
                #expect(lowers.map { $0.details["tps"] } == ["50.0", "25.0"])
                #expect(events.contains { $0.action == "proposal.create" && $0.actor == alice.actor && $0.details["kind"] == "smpp_account.throughput_raise" })
                #expect(events.contains { $0.action == "proposal.approve" && $0.outcome == "denied" && $0.actor == alice.actor && $0.details["reason"] == "self_approval" })
                let applied = try #require(events.first { $0.action == "smpp_account.throughput_raise" })
                #expect(applied.actor == bob.actor)
                #expect(applied.target == "smpp_account:\(account.id)")
                #expect(applied.details["window"] == "40" && applied.details["previous_window"] == "5" && applied.details["proposed_by"] == alice.actor.description)
            }
        }
    }

    @Test func aThroughputRaiseIsStaleOnceTheThroughputChanged() async throws {
        try await AdminHarness.with { harness in
            let (_, aliceToken) = try await harness.newOperator(.admin, name: "alice")
            let (_, bobToken) = try await harness.newOperator(.admin, name: "bob")
            let (account, _) = try await harness.newAccount()
            try await harness.smppAccounts.setCredentials(accountID: account.id, systemID: "acme", password: "s3cret", actor: .cli("test"))
            let path = "/v1/admin/accounts/\(account.id)/smpp/throughput"
            try await harness.test { client in
                let raise = try await client.request(.put, path, key: aliceToken, json: #"{"tps": 500}"#)
                #expect(raise.status == .accepted)
                let id = try #require((raise.object["proposal"] as? [String: Any])?["id"] as? String)
                #expect(try await client.request(.put, path, key: bobToken, json: #"{"window": 3}"#).status == .ok)
                try await client.request(.post, "/v1/admin/proposals/\(id)/approve", key: bobToken).expectProblem(409, code: "proposal_stale")
                #expect(try await harness.smppAccounts.access(of: account.id)?.throughput == SMPPThroughput(window: 3, messagesPerSecond: 50))
                #expect(try await harness.proposals.proposal(ProposalID(id)!).status == .superseded)
            }
        }
    }
}
