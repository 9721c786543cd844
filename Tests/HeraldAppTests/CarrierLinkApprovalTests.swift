import Foundation
import HeraldCore
import HeraldSQLite
import HeraldSimulator
import Logging
import Testing
@testable import HeraldApp

/// The whole node: a carrier link proposed and approved at runtime is bound by the running gateway, and once
/// approved routes send traffic to it, the dispatcher delivers through it to a second simulator; every step
/// is in the audit log.
@Suite(.timeLimit(.minutes(3)))
struct CarrierLinkApprovalTests {
    static func eventually(_ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = ContinuousClock.now + .seconds(45)
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return try await condition()
    }

    static func configuration(directory: URL) -> HeraldConfiguration {
        var configuration = HeraldConfiguration()
        configuration.dataDirectory = directory.path
        configuration.http.port = 0
        configuration.simulator.responseLatencyMilliseconds = 0
        configuration.simulator.receiptLatencyMilliseconds = 10
        return configuration
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "herald.tests.app")
        logger.logLevel = .critical
        return logger
    }

    @Test func aLinkApprovedAtRuntimeCarriesTheDispatchersTraffic() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-app-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let second = CarrierSimulator(configuration: SimulatorConfiguration(responseLatency: .zero, receiptLatency: .milliseconds(10)))
        let secondTask = Task { try await second.run() }
        let secondPort = try await second.listeningPort()

        let app = try await HeraldApplication.make(configuration: Self.configuration(directory: directory), logger: Self.quietLogger)
        let created = try #require(app.initialOperator)
        let attributes = try FileManager.default.attributesOfItem(atPath: created.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try String(contentsOfFile: created.path, encoding: .utf8) == created.token + "\n")
        #expect(app.linkIDs == ["sim"])
        let running = Task { try await app.run(handlingSignals: false) }

        let alice = try await app.operators.authenticate(presentedToken: created.token).operator
        #expect(alice.role == .admin)
        let bob = try await app.operators.createOperator(name: "bob", role: .admin, actor: alice.actor).operator
        let link = CarrierLinkDefinition(id: "second", host: "127.0.0.1", port: secondPort, systemID: "herald", password: "pw")
        let addition = try await app.proposals.proposeCarrierLinkAddition(link, note: "new carrier", by: alice.actor)
        await #expect(throws: HeraldError.selfApproval(addition.id)) { try await app.proposals.approve(addition.id, by: alice.actor) }
        #expect(app.gateway.linkStatuses()["second"] == nil)
        try await app.proposals.approve(addition.id, by: bob.actor)
        #expect(await Self.eventually { app.gateway.linkStatuses()["second"]?.isUp == true })

        let rules = [RouteRule(id: "default", match: .default, links: [RouteLink(linkID: "second")])]
        let routes = try await app.proposals.proposeRoutes(rules, expectedVersion: 0, note: nil, by: bob.actor)
        try await app.proposals.approve(routes.id, by: alice.actor)
        #expect(await Self.eventually { app.routing.table.version == 1 })

        let accountID = try #require(app.initialAccount).accountID
        let account = try #require(try await app.store.account(accountID))
        _ = try await app.messages.send(
            SendRequest(to: "+4915123456789", body: "through the approved link"), account: account, clientAddress: nil, idempotency: nil)
        #expect(await Self.eventually { second.recentSubmissions.contains { $0.text == "through the approved link" } })
        #expect(app.simulator?.recentSubmissions.contains { $0.text == "through the approved link" } == false)

        let sqlite = try #require(app.store as? SQLiteHeraldStore)
        let events = try await sqlite.auditEvents(after: 0, limit: 1000).map(\.event)
        let steps = events.filter { $0.target == addition.id.rawValue || $0.target == routes.id.rawValue || $0.action == "carrier_link.add" || $0.action == "routes.replace" }
        #expect(steps.map(\.action) == [
            "proposal.create", "proposal.approve", "proposal.approve", "carrier_link.add", "proposal.create", "proposal.approve", "routes.replace",
        ])
        #expect(steps.map(\.outcome) == ["proposed", "denied", "approved", "ok", "proposed", "approved", "ok"])
        #expect(steps[3].actor == bob.actor && steps[3].target == "carrier_link:second")

        await app.shutdown()
        _ = try? await running.value
        await second.shutdown()
        _ = try? await secondTask.value

        // Offline administration on the same database (what `herald operator` and `herald routes apply` do).
        let offline = try await OfflineAdministration.open(configuration: Self.configuration(directory: directory), logger: Self.quietLogger)
        let viewer = try await offline.operators.createOperator(name: "vic", role: .viewer, actor: offline.actor)
        #expect(viewer.operator.createdBy.hasPrefix("cli:"))
        let proposal = try await offline.proposals.proposeRoutes([], expectedVersion: 1, note: "from a file", by: offline.actor)
        #expect(proposal.proposedBy == offline.actor.description)
        // The stored link stays in service across restarts; the configuration did not list it.
        #expect(try await offline.store.carrierLinks().active.map(\.id) == ["second"])
        await offline.close()
    }
}
