import Foundation
import HeraldApp
import HeraldCore
import HeraldSimulator
import Testing

/// Fail-over through real SMPP: two carrier links to two simulators, a priority route (primary, then
/// secondary) in the routing engine, and the primary failing in each of the ways a carrier fails.
@Suite(.serialized) struct FailoverEndToEndTests {
    /// A valid German mobile number per scenario, so each simulator's log can be searched for it.
    static func number(_ scenario: Int, _ index: Int = 0) -> String { "+49160\(String(format: "%07d", scenario * 1000 + index))" }

    @Test func messagesMoveToTheHealthyLinkAndPermanentErrorsStop() async throws {
        try await StandaloneSimulator.with(2) { simulators in
            let (primary, secondary) = (simulators[0], simulators[1])
            try await RunningGateway.with(configure: { configuration in
                configuration.simulator.enabled = false
                var primaryLink = primary.link("primary")
                // Tell the dispatcher about a throttling answer at once, so it fails over without the
                // bind's own back-off.
                primaryLink.throttleRetries = 0
                configuration.carriers = [primaryLink, secondary.link("secondary")]
            }) { gateway in
                let app = gateway.application
                let rules = [RouteRule(
                    id: "de", match: .country("DE"), mode: .priority,
                    links: [RouteLink(linkID: "primary", priority: 1), RouteLink(linkID: "secondary", priority: 2)])]
                let version = try await app.store.replaceRoutes(
                    rules, expectedVersion: nil, at: Timestamp(Date()),
                    audit: [AuditEvent(at: Timestamp(Date()), actor: .cli("test"), action: "routes.replace", target: "routes")])
                _ = try app.routing.reload(rules: rules, version: version)

                func send(_ to: String) async throws -> [String: Any] {
                    let id = try await gateway.api.sendMessage(to: to)
                    return try await gateway.api.waitForStatus(of: id, in: ["delivered", "undelivered", "expired", "rejected", "failed"])
                }
                func link(of message: [String: Any]) async throws -> String? {
                    guard let text = message["id"] as? String, let id = MessageID(text) else { return nil }
                    return try await app.store.message(id, accountID: nil)?.linkID
                }
                func digits(_ number: String) -> String { String(number.dropFirst()) }

                // 1. Healthy: the primary carries the traffic.
                let healthy = try await send(Self.number(1))
                #expect(healthy["status"] as? String == "delivered")
                #expect(try await link(of: healthy) == "primary")
                #expect(!secondary.destinations.contains(digits(Self.number(1))))

                // 2. A permanent refusal (ESME_RINVDSTADR) is final: no other link is tried.
                primary.simulator.setOutcomeWeights([.invalidDestination: 1])
                let refused = try await send(Self.number(2))
                #expect(refused["status"] as? String == "rejected")
                #expect((refused["error"] as? [String: Any])?["code"] as? String == "invalid_destination")
                #expect(primary.destinations.contains(digits(Self.number(2))))
                #expect(!secondary.destinations.contains(digits(Self.number(2))))

                // 3. An erroring primary (ESME_RSYSERR): each message moves to the secondary.
                primary.simulator.setOutcomeWeights([.systemError: 1])
                for index in 0..<3 {
                    let moved = try await send(Self.number(3, index))
                    #expect(moved["status"] as? String == "delivered")
                    #expect(try await link(of: moved) == "secondary")
                    #expect(primary.destinations.contains(digits(Self.number(3, index))))
                }
                #expect((app.gateway.linkStatuses()["primary"]?.errorRate ?? 0) > 0)

                // 4. A primary that drops the connection mid-submit: the message moves on (and may, in
                //    general, be duplicated: the ambiguous case of docs/operations.md).
                primary.simulator.setOutcomeWeights([.disconnect: 1])
                let dropped = try await send(Self.number(4))
                #expect(dropped["status"] as? String == "delivered")
                #expect(try await link(of: dropped) == "secondary")

                // 5. A throttling primary: the message goes to the secondary at once, and the routing engine
                //    ranks the throttled primary after the healthy secondary.
                let rebound = await Eventually.holds { app.gateway.linkStatuses()["primary"]?.isUp == true }
                #expect(rebound)
                primary.simulator.setOutcomeWeights([.throttled: 1])
                let throttled = try await send(Self.number(5))
                #expect(throttled["status"] as? String == "delivered")
                #expect(try await link(of: throttled) == "secondary")
                let plan = app.routing.plan(
                    for: RouteRequest(accountID: gateway.accountID, e164: Self.number(5), destination: Destination(regionCode: "DE", countryCallingCode: 49)),
                    linkStatuses: app.gateway.linkStatuses())
                if app.gateway.linkStatuses()["primary"]?.isThrottled == true {
                    #expect(plan.candidates.map(\.linkID) == ["secondary", "primary"])
                }

                // 6. The primary carrier goes away: its link is down and skipped.
                primary.simulator.setOutcomeWeights([.delivered: 1])
                await primary.stop()
                let down = await Eventually.holds { app.gateway.linkStatuses()["primary"]?.isUp == false }
                #expect(down)
                let before = primary.destinations.count
                let rerouted = try await send(Self.number(6))
                #expect(rerouted["status"] as? String == "delivered")
                #expect(try await link(of: rerouted) == "secondary")
                #expect(primary.destinations.count == before)
            }
        }
    }
}
