import Foundation
import HeraldCore
import HeraldSQLite
import Testing

/// The smpplib client binds to the real Herald node as a customer (HTTP, built-in simulated carrier and the
/// customer SMPP listener on 127.0.0.1) and exercises submissions, receipts, throttling and binds.
@Suite("Customer SMPP end to end (smpplib)", .serialized)
struct CustomerSMPPEndToEndTests {
    static let handset = "4915123456789"

    static var available: Bool {
        guard ExternalTool.pythonHas("smpplib") else {
            ExternalTool.skip("python3 with the smpplib package is not available")
            return false
        }
        return true
    }

    /// `RESP <tag> <status> <id>` → (status, id).
    static func response(_ line: String?) -> (status: Int, id: String)? {
        guard let parts = line?.split(separator: " "), parts.count == 4, let status = Int(parts[2]) else { return nil }
        return (status, String(parts[3]))
    }

    @Test func singleAndMultipartSubmissionsGetHeraldIDsAndReceipts() async throws {
        guard Self.available else { return }
        try await TwoWayHarness.with { harness in
            let esme = try await harness.esme()
            defer { esme.stop() }
            esme.send("BIND transceiver \(harness.systemID) \(harness.password)")
            #expect(await esme.line(startingWith: "BOUND") == "BOUND transceiver", "\(esme.transcript)")

            esme.send("SUBMIT single 5 Acme \(Self.handset) 1 Hello from smpplib")
            let single = try #require(Self.response(await esme.line(startingWith: "RESP single ")), "\(esme.transcript)")
            #expect(single.status == 0)
            #expect(MessageID(single.id) != nil)

            let text = String(repeating: "Long message split by the customer. ", count: 5)
            esme.send("SUBMIT_UDH long 5 Acme \(Self.handset) 1 3 42 \(text)")
            var partIDs: [String] = []
            for part in 1...3 {
                let answer = try #require(Self.response(await esme.line(startingWith: "RESP long.\(part) ")), "\(esme.transcript)")
                #expect(answer.status == 0)
                partIDs.append(answer.id)
            }
            #expect(Set(partIDs).count == 1, "every part's submit_sm_resp carries the one Herald message id")
            let multipartID = try #require(partIDs.first)

            // One receipt per Herald message, with the standard text and TLVs.
            let receipts = [await esme.line(startingWith: "DELIVER esm=4"), await esme.line(startingWith: "DELIVER esm=4")].compactMap { $0 }
            #expect(receipts.count == 2, "\(esme.transcript)")
            let singleReceipt = try #require(receipts.first { $0.contains("receipted=\(single.id) ") })
            #expect(singleReceipt.contains("state=2"))
            #expect(singleReceipt.contains("text=id:\(single.id) sub:001 dlvrd:001 submit date:"))
            #expect(singleReceipt.contains("stat:DELIVRD err:000 text:"))
            #expect(singleReceipt.contains("src=\(Self.handset) dst=Acme"))
            let multipartReceipt = try #require(receipts.first { $0.contains("receipted=\(multipartID) ") })

            // The messages went through the same service as the HTTP API.
            let stored = try #require(try await harness.message(multipartID))
            // sub/dlvrd count the parts Herald sent (it re-segments the 3 customer parts for the carrier).
            #expect(stored.partCount == 2)
            #expect(multipartReceipt.contains("sub:002 dlvrd:002"))
            #expect(stored.body == text.trimmingCharacters(in: .whitespaces) || stored.body == text)
            #expect(stored.channel == .smpp)
            #expect(stored.status == .delivered)
            #expect(stored.receiptRequest == .final)
            let plain = try #require(try await harness.message(single.id))
            #expect(plain.body == "Hello from smpplib")
            #expect(plain.from == "Acme")
            #expect(plain.to == "+" + Self.handset)
        }
    }

    @Test func sarPartsAndDataSMAreAcceptedAndRefusalsMapToSMPPStatuses() async throws {
        guard Self.available else { return }
        try await TwoWayHarness.with { harness in
            let esme = try await harness.esme()
            defer { esme.stop() }
            esme.send("BIND transmitter \(harness.systemID) \(harness.password)")
            #expect(await esme.line(startingWith: "BOUND") == "BOUND transmitter")
            esme.send("SUBMIT_SAR sar 5 Acme \(Self.handset) 0 2 7 First half, second half")
            let first = try #require(Self.response(await esme.line(startingWith: "RESP sar.1 ")))
            let second = try #require(Self.response(await esme.line(startingWith: "RESP sar.2 ")))
            #expect(first.status == 0 && second.status == 0 && first.id == second.id)
            esme.send("DATA_SM data 1 15550001 \(Self.handset) 0 Sent with data sm")
            let data = try #require(Self.response(await esme.line(startingWith: "RESP data ")))
            #expect(data.status == 0)
            // Refusals by Herald's validation: an invalid destination and an invalid sender.
            esme.send("SUBMIT bad 5 Acme 12 0 nope")
            #expect(Self.response(await esme.line(startingWith: "RESP bad "))?.status == 0x0B)
            esme.send("SUBMIT badsender 5 This-Sender-Is-Too-Long \(Self.handset) 0 nope")
            #expect(Self.response(await esme.line(startingWith: "RESP badsender "))?.status == 0x0A)

            let joined = try #require(try await harness.message(first.id))
            #expect(joined.body == "First half, second half")
            let viaDataSM = try #require(try await harness.message(data.id))
            #expect(viaDataSM.body == "Sent with data sm")
            #expect(viaDataSM.from == "+15550001")
            #expect(viaDataSM.receiptRequest == nil)
        }
    }

    @Test func submissionsBeyondTheAccountsThroughputAreThrottled() async throws {
        guard Self.available else { return }
        try await TwoWayHarness.with { harness in
            try await harness.app.smppAccounts.setThroughput(accountID: harness.account.id, window: 5, messagesPerSecond: 2, actor: .cli("test"))
            let esme = try await harness.esme()
            defer { esme.stop() }
            esme.send("BIND transceiver \(harness.systemID) \(harness.password)")
            #expect(await esme.line(startingWith: "BOUND") != nil)
            esme.send("BURST burst 12 Acme \(Self.handset) burst")
            var statuses: [Int] = []
            for index in 1...12 {
                guard let answer = Self.response(await esme.line(startingWith: "RESP burst.\(index) ")) else { break }
                statuses.append(answer.status)
            }
            #expect(statuses.count == 12, "\(esme.transcript)")
            #expect(statuses.contains(0))
            #expect(statuses.contains(0x58), "ESME_RTHROTTLED beyond 2 per second / a window of 5: \(statuses)")
            #expect(statuses.allSatisfy { $0 == 0 || $0 == 0x58 })
        }
    }

    @Test func receiptsHeldWhileUnboundArriveAfterTheCustomerBinds() async throws {
        guard Self.available else { return }
        try await TwoWayHarness.with { harness in
            let sender = try await harness.esme()
            defer { sender.stop() }
            sender.send("BIND transmitter \(harness.systemID) \(harness.password)")
            #expect(await sender.line(startingWith: "BOUND") != nil)
            sender.send("SUBMIT held 5 Acme \(Self.handset) 1 Receipt later")
            let answer = try #require(Self.response(await sender.line(startingWith: "RESP held ")))
            sender.send("UNBIND")
            #expect(await sender.line(startingWith: "UNBOUND") != nil)

            // Delivered while nobody can receive: the receipt waits in the outbox.
            let accountID = harness.account.id
            let delivered = try await harness.eventually { try await harness.message(answer.id)?.status == .delivered }
            #expect(delivered)
            let waiting = try await harness.eventually {
                try await harness.app.store.customerSMPPDeliveries(accountID: accountID, limit: 10).contains { $0.status == .pending }
            }
            #expect(waiting)

            let receiver = try await harness.esme()
            defer { receiver.stop() }
            receiver.send("BIND receiver \(harness.systemID) \(harness.password)")
            #expect(await receiver.line(startingWith: "BOUND") == "BOUND receiver")
            let receipt = await receiver.line(startingWith: "DELIVER esm=4")
            #expect(receipt?.contains("receipted=\(answer.id) ") == true, "\(receiver.transcript)")
            #expect(try await harness.eventually {
                try await harness.app.store.customerSMPPDeliveries(accountID: accountID, limit: 10).allSatisfy { $0.status == .delivered }
            })
        }
    }

    @Test func wrongCredentialsAddressesAndBindLimitsAreRefusedAndAudited() async throws {
        guard Self.available else { return }
        try await TwoWayHarness.with { harness in
            let wrongPassword = try await harness.esme()
            defer { wrongPassword.stop() }
            wrongPassword.send("BIND transceiver \(harness.systemID) wrong")
            #expect(await wrongPassword.line(startingWith: "BIND_FAILED") == "BIND_FAILED 14")  // ESME_RINVPASWD

            let unknown = try await harness.esme()
            defer { unknown.stop() }
            unknown.send("BIND transceiver nobody \(harness.password)")
            #expect(await unknown.line(startingWith: "BIND_FAILED") == "BIND_FAILED 15")  // ESME_RINVSYSID

            try await harness.app.smppAccounts.setAllowedNetworks(accountID: harness.account.id, networks: ["10.0.0.0/8"], actor: .cli("test"))
            let outside = try await harness.esme()
            defer { outside.stop() }
            outside.send("BIND transceiver \(harness.systemID) \(harness.password)")
            #expect(await outside.line(startingWith: "BIND_FAILED") == "BIND_FAILED 13")  // ESME_RBINDFAIL

            try await harness.app.smppAccounts.setAllowedNetworks(accountID: harness.account.id, networks: ["127.0.0.0/8", "::1"], actor: .cli("test"))
            try await harness.app.smppAccounts.setBindLimit(accountID: harness.account.id, maximumBinds: 1, actor: .cli("test"))
            let first = try await harness.esme()
            defer { first.stop() }
            first.send("BIND transceiver \(harness.systemID) \(harness.password)")
            #expect(await first.line(startingWith: "BOUND") != nil)
            let second = try await harness.esme()
            defer { second.stop() }
            second.send("BIND receiver \(harness.systemID) \(harness.password)")
            #expect(await second.line(startingWith: "BIND_FAILED") == "BIND_FAILED 13")

            let events = try await harness.sqlite?.auditEvents(after: 0, limit: 1000).map(\.event) ?? []
            let denied = events.filter { $0.action == "request.denied" }.compactMap { $0.details["reason"] }
            #expect(denied.sorted() == ["address_not_allowed", "bind_limit_reached", "invalid_password", "unknown_system_id"])
            #expect(events.contains { $0.action == "smpp.bind" && $0.outcome == "ok" })
            #expect(events.contains { $0.action == "smpp_account.set_allowed_networks" && $0.actor == .cli("test") })
        }
    }
}
