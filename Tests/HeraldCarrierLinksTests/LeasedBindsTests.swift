import HeraldCarrierLinks
import HeraldCore
import HeraldSimulator
import HeraldTestSupport
import Logging
import SMPP
import Testing

/// Two gateways (two nodes) in leased mode against one simulated carrier on 127.0.0.1, their binds owned
/// through one lease store: together they never open more binds than the link has, a node without a bind
/// hands messages back, and a stopped node's binds move to the other.
@Suite(.timeLimit(.minutes(2)))
struct LeasedBindsTests {
    static func logger() -> Logger {
        var logger = Logger(label: "test.leased")
        logger.logLevel = .critical
        return logger
    }

    static func message() -> OutboundMessage {
        OutboundMessage(
            messageID: MessageID(unchecked: "msg_test"), to: "+4915123456789", from: "Herald", body: "hello",
            validUntil: Timestamp(millisecondsSince1970: 4_102_444_800_000), concatenationReference: 1)
    }

    @Test func twoNodesShareTheLinksBindsWithoutExceedingThem() async throws {
        let simulator = CarrierSimulator(configuration: SimulatorConfiguration(responseLatency: .zero, receiptLatency: .milliseconds(10)))
        let store = InMemoryBindLeaseStore()
        let clock = ManualClock()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await simulator.run() }
            let port = try await simulator.listeningPort()
            let link = RuntimeLinkChangeTests.settings("acme", port: port, binds: 3)
            let gatewayA = SMPPCarrierGateway(links: [link], bindOwnership: .leased, logger: Self.logger())
            let gatewayB = SMPPCarrierGateway(links: [link], bindOwnership: .leased, logger: Self.logger())
            for gateway in [gatewayA, gatewayB] {
                group.addTask { try await gateway.run() }
                group.addTask {
                    for await event in gateway.events() { if case .receipt(let receipt) = event { receipt.acknowledge(true) } }
                }
            }
            // Before any lease a node holds no bind: the message is handed back, not failed over as down.
            guard case .failed(let notHeld) = await gatewayA.submit(Self.message(), via: "acme") else {
                Issue.record("a node without binds submitted")
                return
            }
            #expect(notHeld.code == "link_not_held")
            #expect(notHeld.disposition == .retryLater)

            let settings = BindLeaseSettings()
            let nodeA = BindLeaseCoordinator(store: store, binds: gatewayA, nodeID: "node-a", settings: settings, clock: clock, logger: Self.logger())
            let nodeB = BindLeaseCoordinator(store: store, binds: gatewayB, nodeID: "node-b", settings: settings, clock: clock, logger: Self.logger())
            await nodeA.round()
            await nodeB.round()
            await nodeA.round()  // two live nodes: a keeps its share of the 3 binds and releases the rest …
            await nodeB.round()  // … which b takes
            let openA = gatewayA.openBinds(of: "acme")
            let openB = gatewayB.openBinds(of: "acme")
            #expect(openA.isDisjoint(with: openB))
            #expect(openA.union(openB) == [0, 1, 2])
            #expect([openA.count, openB.count].sorted() == [1, 2])
            #expect(await RuntimeLinkChangeTests.eventually { simulator.statistics.boundSessions == 3 })
            #expect(simulator.statistics.boundSessions <= 3)
            #expect(await RuntimeLinkChangeTests.eventually { gatewayB.linkStatuses()["acme"]?.bindsUp == openB.count })
            guard case .accepted = await gatewayB.submit(Self.message(), via: "acme") else {
                Issue.record("the node holding its share of the binds could not submit")
                return
            }

            // b stops gracefully: it closes its bind and gives the lease up; a takes it in its next round.
            await nodeB.retire()
            #expect(gatewayB.openBinds(of: "acme").isEmpty)
            await nodeA.round()
            #expect(gatewayA.openBinds(of: "acme") == [0, 1, 2])
            #expect(await RuntimeLinkChangeTests.eventually { gatewayA.linkStatuses()["acme"]?.bindsUp == 3 })
            #expect(simulator.statistics.boundSessions <= 3)

            await gatewayA.shutdown()
            await gatewayB.shutdown()
            await simulator.shutdown()
            group.cancelAll()
        }
    }
}
