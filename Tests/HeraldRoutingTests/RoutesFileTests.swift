import Foundation
import HeraldCore
import HeraldRouting
import Testing

@Suite struct RoutesFileTests {
    typealias F = Fixtures

    static let yaml = """
        # Example routes file (docs/routing.md)
        links: [acme-de, eu-hub, backup-global]
        rules:
          - id: default
            default: true
            links:
              - { link: eu-hub, priority: 1 }
              - { link: backup-global, backup: true }
          - id: de
            country: DE
            links:
              - { link: acme-de, priority: 1 }
              - { link: eu-hub, priority: 2 }
          - id: de-vodafone
            network: 262-02
            links:
              - { link: eu-hub }
          - id: de-mobile
            prefix: "4915"
            mode: least_cost
            note: cheapest first
            links:
              - link: acme-de
                cost_micros: 6500
                weight: 3
              - link: eu-hub
                cost_micros: 7100
          - id: vip-de
            account: \(Fixtures.accountA.rawValue)
            country: DE
            links:
              - { link: eu-hub }
        """

    func temporaryFile(_ text: String, extension ext: String = "yaml") throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("herald-routes-\(UUID().uuidString).\(ext)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func parsesTheDocumentedFormat() throws {
        let file = try RoutesFile.parse(Self.yaml)
        #expect(file.links == ["acme-de", "eu-hub", "backup-global"])
        #expect(file.rules.count == 5)
        #expect(file.rules[0] == RouteRule(id: "default", match: .default, links: [
            RouteLink(linkID: "eu-hub", priority: 1), RouteLink(linkID: "backup-global", backup: true),
        ]))
        #expect(file.rules[2].match == .network(mcc: "262", mnc: "02"))
        #expect(file.rules[3] == RouteRule(
            id: "de-mobile", match: .prefix("4915"), mode: .leastCost,
            links: [RouteLink(linkID: "acme-de", weight: 3, costMicros: 6500), RouteLink(linkID: "eu-hub", costMicros: 7100)], note: "cheapest first"))
        #expect(file.rules[4].accountID == F.accountA)
        _ = try RouteTable(rules: file.rules, linkIDs: Set(file.links ?? []))
    }

    @Test func jsonAndYAMLRoundTrip() throws {
        let file = try RoutesFile.parse(Self.yaml)
        #expect(try RoutesFile.parse(file.yaml()) == file)
        let json = try HeraldJSON.text(file)
        #expect(json.hasPrefix("{"))
        #expect(try RoutesFile.parse(json) == file)
        // JSON may write a prefix as a number.
        let numeric = try RoutesFile.parse(#"{"rules": [{"id": "x", "prefix": 4915, "links": [{"link": "a"}]}]}"#)
        #expect(numeric.rules[0].match == .prefix("4915"))
    }

    @Test func unknownKeysAndAmbiguousMatchesAreNamedErrors() {
        #expect(throws: RoutesFileError(
            code: "invalid_routes_file",
            message: "rules[0].links[0]: unknown key(s) 'wieght'; known keys: backup, cost_micros, link, priority, weight")) {
            try RoutesFile.parse("rules:\n  - id: x\n    default: true\n    links:\n      - { link: a, wieght: 3 }\n")
        }
        #expect(throws: RoutesFileError(
            code: "invalid_routes_file",
            message: "rules[0]: rule \"x\" must name exactly one of prefix, network, country or default: true (found: prefix, country)")) {
            try RoutesFile.parse("rules:\n  - { id: x, prefix: '49', country: DE, links: [{ link: a }] }\n")
        }
        #expect(throws: RoutesFileError(
            code: "invalid_routes_file", message: "the top level: unknown top-level key(s) 'rule'; known keys: links, rules")) {
            try RoutesFile.parse("rule: []\n")
        }
        #expect(throws: RoutesFileError.self) { try RoutesFile.parse("rules:\n  - { id: x, default: true, mode: cheapest, links: [{ link: a }] }\n") }
        #expect(throws: RoutesFileError.self) { try RoutesFile.parse("rules:\n  - { id: x, default: true, account: acc_nope, links: [{ link: a }] }\n") }
    }

    @Test func routeCheckIsTheCommandBehindHeraldRoute() throws {
        let path = try temporaryFile(Self.yaml)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let plain = try RouteCheck(number: "+4915112345678", routesPath: path, messageID: F.messageID(3).rawValue).run()
        #expect(plain.plan.matchedRule == "global prefix 4915 (rule de-mobile)")
        #expect(plain.plan.links.count == 2)
        #expect(plain.rendered.contains("links:    assumed up (no live status)\n"))

        let vip = try RouteCheck(number: "030 1234567", routesPath: path, accountID: F.accountA.rawValue, region: "DE").run()
        #expect(vip.plan.links == ["eu-hub"])

        let degraded = try RouteCheck(number: "+4930123456", routesPath: path, down: ["acme-de"]).run()
        #expect(degraded.plan.matchedRule == "global country DE (rule de)")
        #expect(degraded.plan.links == ["eu-hub", "acme-de"])
        #expect(degraded.rendered.contains("order:    eu-hub > acme-de"))
        #expect(degraded.rendered.contains("links:    assumed up (no live status); except down: acme-de\n"))
        #expect(degraded.plan.explanation.contains("link acme-de: down (0 of 1 binds up): moved to the end"))

        #expect(throws: RouteCheckError.self) { try RouteCheck(number: "+4930123456", routesPath: path, down: ["nope"]).run() }
        #expect(throws: RouteCheckError.self) { try RouteCheck(number: "+4930123456", routesPath: path, accountID: "acc_bad").run() }
        #expect(throws: RouteCheckError.self) { try RouteCheck(number: "12", routesPath: path).run() }
        let missing = #expect(throws: RouteCheckError.self) { try RouteCheck(number: "+4930123456", routesPath: path + ".missing").run() }
        #expect(missing?.code == "unreadable_routes_file")
        // The file's link list is checked; --links overrides it.
        let unknown = #expect(throws: RouteCheckError.self) { try RouteCheck(number: "+4930123456", routesPath: path, links: ["eu-hub"]).run() }
        #expect(unknown?.code == "invalid_routes")
        #expect(unknown?.message.contains("unknown_link: rule 1 \"default\": link \"backup-global\" is not a configured carrier link") == true)
    }
}
