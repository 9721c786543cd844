import HeraldCarrierLinks
import HeraldCore
import HeraldSimulator
import Logging
import NIOCore
import SMPP
import Synchronization
import Testing

/// Links added, removed and rebound while the gateway runs, against real simulators on 127.0.0.1; the other
/// links' traffic goes on untouched.
@Suite(.timeLimit(.minutes(2)))
struct RuntimeLinkChangeTests {
    static func settings(_ id: String, port: Int, binds: Int = 1) -> CarrierLinkSettings {
        var bind = SMPPClient.Configuration(host: "127.0.0.1", port: port, systemID: "herald", password: "pw")
        bind.reconnect = ReconnectPolicy(initialDelay: .milliseconds(50), maxDelay: .milliseconds(200))
        return CarrierLinkSettings(id: id, binds: Array(repeating: bind, count: binds))
    }

    static func message(_ text: String) -> OutboundMessage {
        OutboundMessage(
            messageID: MessageID(unchecked: "msg_test"), to: "+4915123456789", from: "Herald", body: text,
            validUntil: Timestamp(millisecondsSince1970: 4_102_444_800_000), concatenationReference: 1)
    }

    /// Polls until `condition` holds (generous deadline for a loaded machine).
    static func eventually(_ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition()
    }

    @Test func linksAreAddedRemovedAndReboundWithoutDisturbingTheOthers() async throws {
        let first = CarrierSimulator(configuration: SimulatorConfiguration(responseLatency: .zero, receiptLatency: .milliseconds(10)))
        let second = CarrierSimulator(configuration: SimulatorConfiguration(responseLatency: .zero, receiptLatency: .milliseconds(10)))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await first.run() }
            group.addTask { try await second.run() }
            let firstPort = try await first.listeningPort()
            let secondPort = try await second.listeningPort()
            let gateway = SMPPCarrierGateway(links: [Self.settings("steady", port: firstPort)], logger: Logger(label: "test"))
            group.addTask { try await gateway.run() }
            group.addTask {
                // Receipts must be consumed so the simulators' deliveries are answered.
                for await event in gateway.events() { if case .receipt(let receipt) = event { receipt.acknowledge(true) } }
            }
            #expect(await gateway.waitUntilBound(timeout: .seconds(30)))

            // Steady traffic on the first link for the whole test.
            let steadyResults = Mutex<[SubmitResult]>([])
            let stop = Mutex(false)
            let steady = Task {
                var index = 0
                while !stop.withLock({ $0 }) {
                    let result = await gateway.submit(Self.message("steady \(index)"), via: "steady")
                    steadyResults.withLock { $0.append(result) }
                    index += 1
                    try? await Task.sleep(for: .milliseconds(5))
                }
            }

            // Add a link at runtime: it binds and carries traffic to its own peer.
            #expect(gateway.addLink(Self.settings("added", port: secondPort, binds: 2)))
            #expect(!gateway.addLink(Self.settings("added", port: secondPort)))
            #expect(await Self.eventually { gateway.linkStatuses()["added"]?.bindsUp == 2 })
            guard case .accepted = await gateway.submit(Self.message("via added"), via: "added") else {
                Issue.record("the added link did not accept")
                return
            }
            #expect(second.recentSubmissions.contains { $0.text == "via added" })
            #expect(gateway.linkIDs == ["steady", "added"])

            // Rebind it to the first peer with new settings.
            await gateway.replaceLink(Self.settings("added", port: firstPort))
            #expect(await Self.eventually { gateway.linkStatuses()["added"]?.isUp == true && gateway.linkStatuses()["added"]?.bindsConfigured == 1 })
            guard case .accepted = await gateway.submit(Self.message("rebound"), via: "added") else {
                Issue.record("the rebound link did not accept")
                return
            }
            #expect(first.recentSubmissions.contains { $0.text == "rebound" })

            // Remove it: submissions fail over (try another link); it unbinds.
            #expect(await gateway.removeLink("added"))
            #expect(!(await gateway.removeLink("added")))
            guard case .failed(let failure) = await gateway.submit(Self.message("gone"), via: "added") else {
                Issue.record("a removed link accepted")
                return
            }
            #expect(failure.disposition == .tryOtherLink)
            #expect(gateway.linkStatuses()["added"] == nil)

            stop.withLock { $0 = true }
            await steady.value
            let results = steadyResults.withLock { $0 }
            #expect(results.count > 0)
            #expect(results.allSatisfy { if case .accepted = $0 { true } else { false } }, "steady traffic was disturbed: \(results.filter { if case .accepted = $0 { false } else { true } })")

            await gateway.shutdown()
            await first.shutdown()
            await second.shutdown()
            group.cancelAll()
        }
    }
}
