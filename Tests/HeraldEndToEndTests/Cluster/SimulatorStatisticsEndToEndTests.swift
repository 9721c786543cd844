import Foundation
import HeraldApp
import Testing

/// `herald simulator --stats-port` counts what it received per destination, so a test can find messages a
/// gateway submitted more than once.
@Suite struct SimulatorStatisticsEndToEndTests {
    @Test func theSimulatorReportsSubmissionsPerDestination() async throws {
        guard let herald = HeraldExecutable.locate() else {
            Issue.record("the herald executable was not found next to the test bundle; build it with `swift build` (swift test does)")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-simstats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let children = ChildProcesses()
        defer {
            children.killAll()
            try? FileManager.default.removeItem(at: directory)
        }
        let carrier = try await ClusterCarrier.start(herald: herald, directory: directory, children: children)
        #expect(try await carrier.submissions().isEmpty)

        try await RunningGateway.with(configure: { configuration in
            configuration.simulator.enabled = false
            configuration.carriers = [CarrierLinkConfiguration(
                id: "standalone", host: "127.0.0.1", port: carrier.smppPort, systemID: "herald", password: "simulate", enquireLinkSeconds: 0)]
        }) { gateway in
            var ids: [String] = []
            for number in ["+4915123450001", "+4915123450001", "+4915123450002"] { ids.append(try await gateway.api.sendMessage(to: number)) }
            for id in ids { try await gateway.api.waitForStatus(of: id, in: ["delivered"]) }
        }

        let submissions = try await carrier.submissions()
        #expect(submissions == ["4915123450001": .init(accepted: 2, refused: 0), "4915123450002": .init(accepted: 1, refused: 0)])
        let stats = try await carrier.statistics()
        #expect(stats.accepted == 3 && stats.destinations == 2 && stats.destinationsAcceptedMoreThanOnce == 1, "\(stats)")
        #expect(try await carrier.submissions(minimumAccepted: 2).keys.sorted() == ["4915123450001"])
        #expect(await carrier.process.stop() == 0)
    }
}
