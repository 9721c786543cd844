import Foundation
import HeraldCore
import HeraldSimulator
import Logging
import Testing
@testable import HeraldApp

/// Two `herald serve` nodes on one PostgreSQL schema and one carrier with a three-bind link: the carrier
/// never sees more than three binds, each node holds a share, messages sent on either node are delivered,
/// and when one node stops the other takes its binds over. Absent without `HERALD_TEST_POSTGRES_URL`.
@Suite(
    .enabled(if: ProcessInfo.processInfo.environment["HERALD_TEST_POSTGRES_URL"]?.isEmpty == false, "set HERALD_TEST_POSTGRES_URL"),
    .timeLimit(.minutes(3)))
struct TwoNodeBindOwnershipTests {
    static func configuration(url: String, directory: URL, node: String, carrierPort: Int) -> HeraldConfiguration {
        var configuration = HeraldConfiguration()
        configuration.nodeID = node
        configuration.dataDirectory = directory.path
        configuration.database.url = url
        configuration.http.port = 0
        configuration.simulator.enabled = false
        configuration.carriers = [
            CarrierLinkConfiguration(id: "acme", host: "127.0.0.1", port: carrierPort, systemID: "herald", password: "pw", binds: 3),
        ]
        return configuration
    }

    @Test func twoNodesShareTheCarriersBindsAndHandThemOver() async throws {
        let base = try #require(ProcessInfo.processInfo.environment["HERALD_TEST_POSTGRES_URL"])
        let schema = "herald_app_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let url = base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
        // One data directory: both nodes use the same secrets file, as a cluster must.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-cluster-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let carrier = CarrierSimulator(configuration: SimulatorConfiguration(responseLatency: .zero, receiptLatency: .milliseconds(10)))
        let carrierTask = Task { try await carrier.run() }
        let port = try await carrier.listeningPort()
        let logger = CarrierLinkApprovalTests.quietLogger

        let nodeA = try await HeraldApplication.make(
            configuration: Self.configuration(url: url, directory: directory, node: "node-a", carrierPort: port), logger: logger)
        let runningA = Task { try await nodeA.run(handlingSignals: false) }
        #expect(await CarrierLinkApprovalTests.eventually { nodeA.gateway.openBinds(of: "acme").count == 3 })
        let nodeB = try await HeraldApplication.make(
            configuration: Self.configuration(url: url, directory: directory, node: "node-b", carrierPort: port), logger: logger)
        let runningB = Task { try await nodeB.run(handlingSignals: false) }

        // node-b gets its share once node-a gave up what exceeds its own.
        #expect(await CarrierLinkApprovalTests.eventually {
            let a = nodeA.gateway.openBinds(of: "acme")
            let b = nodeB.gateway.openBinds(of: "acme")
            return !b.isEmpty && a.isDisjoint(with: b) && a.union(b) == [0, 1, 2]
        })
        #expect(await CarrierLinkApprovalTests.eventually { carrier.statistics.boundSessions == 3 })
        #expect(carrier.statistics.boundSessions <= 3)

        // A message accepted on either node is delivered through the shared link.
        let accountID = try #require(nodeA.initialAccount).accountID
        for (node, text) in [(nodeA, "sent on node a"), (nodeB, "sent on node b")] {
            let account = try #require(try await node.store.account(accountID))
            _ = try await node.messages.send(SendRequest(to: "+4915123456789", body: text), account: account, clientAddress: nil, idempotency: nil)
            #expect(await CarrierLinkApprovalTests.eventually { carrier.recentSubmissions.contains { $0.text == text } })
        }

        // node-b stops gracefully: it closes its binds and releases them; node-a takes them in its next round.
        await nodeB.shutdown()
        _ = try? await runningB.value
        #expect(await CarrierLinkApprovalTests.eventually { nodeA.gateway.openBinds(of: "acme") == [0, 1, 2] })
        #expect(await CarrierLinkApprovalTests.eventually { carrier.statistics.boundSessions == 3 })
        #expect(carrier.statistics.boundSessions <= 3)

        await nodeA.shutdown()
        _ = try? await runningA.value
        await carrier.shutdown()
        carrierTask.cancel()
        try? await PostgresStoreOpenerTests.dropSchema(schema, url: base)
    }
}
