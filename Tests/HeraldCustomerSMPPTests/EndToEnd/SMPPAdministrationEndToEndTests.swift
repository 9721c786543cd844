import Foundation
import HeraldCore
import Testing

/// Operators change an account's SMPP access through the admin API of the real node, and the customer
/// SMPP listener applies it to new binds: a generated password binds, and a throughput raise takes effect
/// only once a second operator approved it.
@Suite("Customer SMPP administration end to end (smpplib)", .serialized)
struct SMPPAdministrationEndToEndTests {
    static let handset = "4915123456789"

    /// The statuses of a `BURST` of `count` back-to-back submissions tagged `tag`.
    static func burst(_ esme: ESMEProcess, tag: String, count: Int) async -> [Int] {
        esme.send("BURST \(tag) \(count) Acme \(handset) burst")
        var statuses: [Int] = []
        for index in 1...count {
            guard let parts = await esme.line(startingWith: "RESP \(tag).\(index) ")?.split(separator: " "), parts.count == 4,
                  let status = Int(parts[2]) else { break }
            statuses.append(status)
        }
        return statuses
    }

    @Test func aGeneratedPasswordBindsAndAThroughputRaiseAppliesToNewBindsOnlyAfterApproval() async throws {
        guard CustomerSMPPEndToEndTests.available else { return }
        try await TwoWayHarness.with { harness in
            let alice = try await harness.app.operators.createOperator(name: "alice", role: .admin, actor: .cli("test")).credential.text
            let bob = try await harness.app.operators.createOperator(name: "bob", role: .admin, actor: .cli("test")).credential.text
            let smpp = "/v1/admin/accounts/\(harness.account.id)/smpp"

            // New credentials with a generated password, answered once; the old password stops binding.
            let rotated = try await harness.http("PUT", smpp + "/credentials", json: #"{"system_id": "\#(harness.systemID)"}"#, token: alice)
            #expect(rotated.status == 200, "\(rotated.body)")
            let password = try #require(rotated.json?["password"] as? String)
            let esme = try await harness.esme()
            defer { esme.stop() }
            esme.send("BIND transmitter \(harness.systemID) \(harness.password)")
            #expect(await esme.line(startingWith: "BIND_FAILED") != nil, "\(esme.transcript)")
            esme.send("BIND transmitter \(harness.systemID) \(password)")
            #expect(await esme.line(startingWith: "BOUND") == "BOUND transmitter", "\(esme.transcript)")
            esme.send("UNBIND")
            #expect(await esme.line(startingWith: "UNBOUND") != nil)

            // A low throughput (one token, refilled every 10 s): a burst is throttled after its first message.
            try await harness.app.smppAccounts.setThroughput(accountID: harness.account.id, window: 1, messagesPerSecond: 0.1, actor: .cli("test"))
            esme.send("BIND transmitter \(harness.systemID) \(password)")
            #expect(await esme.line(startingWith: "BOUND") != nil, "\(esme.transcript)")
            let low = await Self.burst(esme, tag: "low", count: 4)
            #expect(low.count == 4 && low.contains(0x58), "ESME_RTHROTTLED at 0.1 TPS: \(low)\n\(esme.transcript)")
            esme.send("UNBIND")
            #expect(await esme.line(startingWith: "UNBOUND") != nil)

            // The raise waits for a second operator; the proposer cannot approve it.
            let raise = try await harness.http("PUT", smpp + "/throughput", json: #"{"window": 20, "tps": 500}"#, token: alice)
            #expect(raise.status == 202, "\(raise.body)")
            let proposal = try #require((raise.json?["proposal"] as? [String: Any])?["id"] as? String)
            #expect(try await harness.app.smppAccounts.access(of: harness.account.id)?.window == 1)
            #expect(try await harness.http("POST", "/v1/admin/proposals/\(proposal)/approve", token: alice).status == 403)
            #expect(try await harness.app.smppAccounts.access(of: harness.account.id)?.window == 1)
            let approved = try await harness.http("POST", "/v1/admin/proposals/\(proposal)/approve", token: bob)
            #expect(approved.status == 200, "\(approved.body)")

            // New binds get the raised window and TPS (the listener's account cache follows within 2 s).
            var raised = false
            var round = 0
            let deadline = ContinuousClock.now + .seconds(60)
            while !raised, ContinuousClock.now < deadline {
                round += 1
                esme.send("BIND transmitter \(harness.systemID) \(password)")
                guard await esme.line(startingWith: "BOUND") != nil else { break }
                raised = await Self.burst(esme, tag: "high\(round)", count: 4) == [0, 0, 0, 0]
                esme.send("UNBIND")
                _ = await esme.line(startingWith: "UNBOUND")
                if !raised { try await Task.sleep(for: .milliseconds(500)) }
            }
            #expect(raised, "a burst of 4 within a window of 20 and 500 TPS was throttled:\n\(esme.transcript)")
        }
    }
}
