import Foundation
import HeraldApp
import HeraldCore
import Testing

/// `portability_file:` — a ported number is resolved, and routed, by the network it moved to.
@Suite(.serialized) struct PortabilityEndToEndTests {
    @Test func aPortedNumberIsRoutedByItsNewNetwork() async throws {
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("herald-ported-\(UUID().uuidString).csv")
        try "e164,mcc,mnc,name\n+4915112345678,262,02,Vodafone\n".write(to: csv, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: csv) }
        try await StandaloneSimulator.with(2) { simulators in
            let (telekom, vodafone) = (simulators[0], simulators[1])
            try await RunningGateway.with(configure: { configuration in
                configuration.simulator.enabled = false
                configuration.carriers = [telekom.link("telekom"), vodafone.link("vodafone")]
                configuration.portabilityFile = csv.path
            }) { gateway in
                let app = gateway.application
                let rules = [
                    RouteRule(id: "vodafone", match: .network(mcc: "262", mnc: "02"), links: [RouteLink(linkID: "vodafone")]),
                    RouteRule(id: "rest", match: .default, links: [RouteLink(linkID: "telekom")]),
                ]
                let version = try await app.store.replaceRoutes(
                    rules, expectedVersion: nil, at: Timestamp(Date()),
                    audit: [AuditEvent(at: Timestamp(Date()), actor: .cli("test"), action: "routes.replace", target: "routes")])
                _ = try app.routing.reload(rules: rules, version: version)

                let ported = try await gateway.api.sendMessage(to: "+4915112345678")
                let neighbour = try await gateway.api.sendMessage(to: "+4915112345679")
                try await gateway.api.waitForStatus(of: ported, in: ["delivered"])
                try await gateway.api.waitForStatus(of: neighbour, in: ["delivered"])
                let portedMessage = try #require(try await MessageID(ported).asyncFlatMap { try await app.store.message($0, accountID: nil) })
                #expect(portedMessage.destination.mcc == "262" && portedMessage.destination.mnc == "02")
                #expect(portedMessage.linkID == "vodafone")
                let other = try #require(try await MessageID(neighbour).asyncFlatMap { try await app.store.message($0, accountID: nil) })
                #expect(other.destination.mnc != "02")
                #expect(other.linkID == "telekom")
                #expect(vodafone.destinations == ["4915112345678"])
            }
        }
    }
}
