import Foundation
import HeraldApp
import HeraldCore
import Testing

/// Per-link health in /metrics and /readyz, and no traffic for receiver-only links.
@Suite(.serialized) struct LinkHealthEndToEndTests {
    /// The value of a metric line `name{link="id"} value` in a Prometheus exposition.
    static func value(_ exposition: String, _ name: String, link: String) -> Double? {
        let prefix = "\(name){link=\"\(link)\"} "
        return exposition.split(separator: "\n").first { $0.hasPrefix(prefix) }.flatMap { Double($0.dropFirst(prefix.count)) }
    }

    @Test func metricsAndReadinessShowEachLinkAndReceiverOnlyLinksGetNoTraffic() async throws {
        try await StandaloneSimulator.with(2) { simulators in
            let (carrier, inbound) = (simulators[0], simulators[1])
            try await RunningGateway.with(configure: { configuration in
                configuration.simulator.enabled = false
                configuration.carriers = [carrier.link("carrier"), inbound.link("inbound", bindMode: "receiver")]
            }) { gateway in
                let inboundUp = await Eventually.holds { gateway.application.gateway.linkStatuses()["inbound"]?.isUp == true }
                #expect(inboundUp)
                // No route rules: every link that can transmit is a candidate; the receiver-only link is not.
                for index in 0..<5 {
                    let id = try await gateway.api.sendMessage(to: "+4916012\(String(format: "%05d", index))")
                    try await gateway.api.waitForStatus(of: id, in: ["delivered"])
                }
                #expect(carrier.destinations.count == 5)
                #expect(inbound.destinations.isEmpty)
                let plan = gateway.application.routePlanner.plan(
                    for: RouteRequest(accountID: gateway.accountID, e164: "+491601200000", destination: Destination(regionCode: "DE", countryCallingCode: 49)),
                    linkStatuses: gateway.application.gateway.linkStatuses())
                #expect(plan.candidates.map(\.linkID) == ["carrier"])

                let metrics = try await gateway.api.get("/metrics").text
                #expect(Self.value(metrics, "herald_carrier_link_up", link: "carrier") == 1)
                #expect(Self.value(metrics, "herald_carrier_link_up", link: "inbound") == 1)
                #expect(Self.value(metrics, "herald_carrier_link_binds_bound", link: "carrier") == 1)
                #expect(Self.value(metrics, "herald_carrier_link_binds_configured", link: "carrier") == 1)
                #expect(Self.value(metrics, "herald_carrier_link_binds_held", link: "carrier") == 1)
                #expect(Self.value(metrics, "herald_carrier_link_throttled", link: "carrier") == 0)
                #expect(Self.value(metrics, "herald_carrier_link_error_rate", link: "carrier") == 0)
                #expect((Self.value(metrics, "herald_carrier_link_latency_seconds", link: "carrier") ?? 0) > 0)
                #expect(Self.value(metrics, "herald_carrier_link_transmits", link: "carrier") == 1)
                #expect(Self.value(metrics, "herald_carrier_link_transmits", link: "inbound") == 0)

                let ready = try await gateway.api.get("/readyz")
                #expect(ready.status == 200)
                let links = try #require(ready.object["links"] as? [[String: Any]])
                #expect(links.compactMap { $0["id"] as? String } == ["carrier", "inbound"])
                #expect(links[0]["status"] as? String == "up")
                #expect(links[0]["transmits"] as? Bool == true)
                #expect(links[0]["binds_bound"] as? Int == 1)
                #expect(links[1]["transmits"] as? Bool == false)

                // Errors show in the error rate.
                carrier.simulator.setOutcomeWeights([.systemError: 1])
                let failing = try await gateway.api.sendMessage(to: "+491601299999")
                let retried = await Eventually.holds { (gateway.application.gateway.linkStatuses()["carrier"]?.errorRate ?? 0) > 0 }
                #expect(retried)
                let erroring = try await gateway.api.get("/metrics").text
                #expect((Self.value(erroring, "herald_carrier_link_error_rate", link: "carrier") ?? 0) > 0)
                carrier.simulator.setOutcomeWeights([.delivered: 1])
                try await gateway.api.waitForStatus(of: failing, in: ["delivered"])

                // With only the receiver-only link up, the node cannot send: not ready.
                await carrier.stop()
                let notReady = await Eventually.holds { try await gateway.api.get("/readyz").status == 503 }
                #expect(notReady)
                let down = try await gateway.api.get("/readyz")
                let check = (down.object["checks"] as? [[String: Any]])?.first { $0["name"] as? String == "carrier_links" }
                #expect(check?["status"] as? String == "fail")
                #expect(Self.value(try await gateway.api.get("/metrics").text, "herald_carrier_link_up", link: "carrier") == 0)
            }
        }
    }
}
