import Foundation
import HeraldCore
import HeraldSQLite
import Testing

/// Mobile-originated messages injected at the simulated carrier reach the customer by webhook and over its
/// SMPP receiver bind, are listed by `GET /v1/inbound`, and opt-out keywords block later sends.
@Suite("Two-way messaging end to end", .serialized)
struct TwoWayMessagingEndToEndTests {
    static let handset = "+4917612345678"
    static let businessNumber = "+4915123456789"

    @Test func inboundMessageReachesWebhookAndReceiverAndIsListed() async throws {
        guard CustomerSMPPEndToEndTests.available else { return }
        try await TwoWayHarness.with { harness in
            try await harness.app.numbers.assign(Self.businessNumber, to: harness.account.id, actor: .cli("test"))
            let esme = try await harness.esme()
            defer { esme.stop() }
            esme.send("BIND receiver \(harness.systemID) \(harness.password)")
            #expect(await esme.line(startingWith: "BOUND") == "BOUND receiver")

            let simulator = try #require(harness.app.simulator)
            try simulator.injectMobileOriginated(
                from: Self.handset, to: String(Self.businessNumber.dropFirst()), text: "Hello Herald, this is a reply",
                systemID: harness.app.configuration.simulator.systemID)

            // Over SMPP: from the handset to the account's number.
            let delivered = await esme.line(startingWith: "DELIVER esm=0")
            #expect(delivered == "DELIVER esm=0 dc=0 src=4917612345678 dst=4915123456789 receipted=- state=- text=Hello Herald, this is a reply", "\(esme.transcript)")

            // By webhook, signed like the others.
            #expect(await harness.eventually { harness.webhooks.requests.contains { $0.headers["herald-event"] == "message.inbound" } })
            let hook = try #require(harness.webhooks.requests.first { $0.headers["herald-event"] == "message.inbound" })
            let signature = try #require(hook.headers["herald-signature"])
            #expect(WebhookSigner().verify(header: signature, secret: harness.account.webhookSecret, body: Array(hook.body.utf8), now: Timestamp(Date())))
            let event = try #require(try JSONSerialization.jsonObject(with: Data(hook.body.utf8)) as? [String: Any])
            #expect(event["type"] as? String == "message.inbound")
            let data = try #require(event["data"] as? [String: Any])
            #expect(data["from"] as? String == Self.handset)
            #expect(data["to"] as? String == Self.businessNumber)
            #expect(data["body"] as? String == "Hello Herald, this is a reply")

            // GET /v1/inbound lists it, with filters and the cursor.
            let listed = try await harness.http("GET", "/v1/inbound?from=%2B4917612345678&limit=1")
            #expect(listed.status == 200, "\(listed.body)")
            let items = try #require(listed.json?["data"] as? [[String: Any]])
            #expect(items.count == 1)
            #expect(items.first?["body"] as? String == "Hello Herald, this is a reply")
            #expect(items.first?["object"] as? String == "inbound_message")
            #expect(listed.json?["has_more"] as? Bool == false)
            let other = try await harness.http("GET", "/v1/inbound?from=%2B4917612345679")
            #expect((other.json?["data"] as? [Any])?.isEmpty == true)
            let id = try #require(items.first?["id"] as? String)
            #expect(try await harness.http("GET", "/v1/inbound/\(id)").status == 200)
            #expect(try await harness.http("GET", "/v1/inbound?bogus=1").status == 400)
        }
    }

    @Test func stopBlocksLaterSendsOverHTTPAndSMPPAndStartLiftsIt() async throws {
        guard CustomerSMPPEndToEndTests.available else { return }
        try await TwoWayHarness.with { harness in
            try await harness.app.numbers.assign(Self.businessNumber, to: harness.account.id, actor: .cli("test"))
            let simulator = try #require(harness.app.simulator)
            let systemID = harness.app.configuration.simulator.systemID
            let accountID = harness.account.id
            try simulator.injectMobileOriginated(from: Self.handset, to: String(Self.businessNumber.dropFirst()), text: "  stop ", systemID: systemID)
            #expect(try await harness.eventually { try await harness.app.store.optOut(accountID: accountID, number: Self.handset) != nil })

            let send = #"{"to": "\#(Self.handset)", "body": "Are you there?"}"#
            let refused = try await harness.http("POST", "/v1/messages", json: send)
            #expect(refused.status == 422)
            #expect(refused.json?["code"] as? String == "recipient_opted_out")

            let esme = try await harness.esme()
            defer { esme.stop() }
            esme.send("BIND transmitter \(harness.systemID) \(harness.password)")
            #expect(await esme.line(startingWith: "BOUND") != nil)
            esme.send("SUBMIT blocked 5 Acme \(Self.handset.dropFirst()) 0 Are you there?")
            #expect(CustomerSMPPEndToEndTests.response(await esme.line(startingWith: "RESP blocked "))?.status == 0x401)

            try simulator.injectMobileOriginated(from: Self.handset, to: String(Self.businessNumber.dropFirst()), text: "START", systemID: systemID)
            #expect(try await harness.eventually { try await harness.app.store.optOut(accountID: accountID, number: Self.handset) == nil })
            #expect(try await harness.http("POST", "/v1/messages", json: send).status == 202)
            esme.send("SUBMIT allowed 5 Acme \(Self.handset.dropFirst()) 0 Welcome back")
            #expect(CustomerSMPPEndToEndTests.response(await esme.line(startingWith: "RESP allowed "))?.status == 0)

            let events = try await harness.sqlite?.auditEvents(after: 0, limit: 1000).map(\.event) ?? []
            #expect(events.contains { $0.action == "opt_out.record" && $0.details["keyword"] == "STOP" })
            #expect(events.contains { $0.action == "opt_out.lift" && $0.details["keyword"] == "START" })
            #expect(events.contains { $0.action == "number.assign" })
            // Numbers are pseudonymised in the audit details; the number itself is only in the sensitive part.
            #expect(!events.filter { $0.action.hasPrefix("opt_out.") }.contains { $0.details.values.contains(Self.handset) })
        }
    }
}
