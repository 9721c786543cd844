import HeraldCore
import HeraldRouting
import Testing

@Suite struct ExplanationTests {
    typealias F = Fixtures

    func table() throws -> RouteTable {
        try RouteTable(rules: [
            F.rule("default", .default, [F.link("a")]),
            F.rule("de", .country("DE"), [F.link("b")]),
            F.rule("de-49", .prefix("49"), [F.link("b")]),
            F.rule("de-mobile", .prefix("4915"), mode: .leastCost, [
                F.link("c", cost: 6500, backup: true), F.link("d", weight: 3, cost: 7100), F.link("e", cost: 7100), F.link("f", cost: 9000),
            ]),
            F.rule("acct-fr", .country("FR"), account: F.accountA, [F.link("g")]),
        ], linkIDs: F.allLinks, version: 7)
    }

    @Test func explainsMatchedRuleOthersSkippedLinksAndOrder() throws {
        var statuses = F.allUp
        statuses["f"] = LinkStatus(isUp: false, bindsUp: 0, bindsConfigured: 2)
        let message = F.messageID(1)
        let plan = try table().explain(for: F.request(account: F.accountA, message: message), linkStatuses: statuses)
        let fast = try table().plan(for: F.request(account: F.accountA, message: message), linkStatuses: statuses)
        #expect(plan.candidates == fast.candidates)
        #expect(plan.matchedRule == fast.matchedRule)
        #expect(fast.explanation.isEmpty)

        let lines = plan.explanation
        #expect(lines[0] == "destination +4915112345678: region DE, network 262-01, account \(F.accountA.rawValue)")
        #expect(lines[1].hasPrefix("routes version 7, 5 rules; the first matching level wins: account prefix > account network"))
        #expect(lines.contains("  account prefix: no prefix rules"))
        #expect(lines.contains("  account country: no rule for country DE"))
        #expect(lines.contains("  account default: no default rule"))
        #expect(lines.contains("  global prefix: rule \"de-mobile\" matches prefix 4915 -> used"))
        #expect(lines.contains("    shorter prefix 49 (rule \"de-49\") also matches; the longest prefix wins"))
        #expect(lines.contains("  global network: no rule for network 262-01"))
        #expect(lines.contains("  global country: rule \"de\" matches country DE but is not used: a level above matched first"))
        #expect(lines.contains("  global default: rule \"default\" matches every destination but is not used: a level above matched first"))
        #expect(lines.contains("matched: global prefix 4915 (rule de-mobile)"))
        #expect(lines.contains { $0.hasPrefix("mode least_cost: cheapest cost per part first") && $0.contains("message \(message.rawValue)") })
        #expect(lines.contains { $0.hasPrefix("weighted choice among d (weight 3), e (weight 1): ") })
        #expect(lines.contains("link f: down (0 of 2 binds up): moved to the end"))
        // c is the cheapest but a backup: after d and e; f is down: last.
        #expect(Set(plan.links.prefix(2)) == ["d", "e"])
        #expect(Array(plan.links.suffix(2)) == ["c", "f"])
        #expect(lines.suffix(5).first == "final order:")
        #expect(lines.last == "  4. f: priority 1, weight 1, cost 9000 micros [down]")
        #expect(lines.contains("  3. c: priority 1, weight 1, cost 6500 micros [backup]"))
    }

    @Test func explainsNoRouteAndUnknownNetwork() throws {
        let table = try RouteTable(rules: [F.rule("fr", .country("FR"), [F.link("a")])], linkIDs: F.allLinks)
        let plan = table.explain(for: F.request("+4930123456", mcc: nil, mnc: nil), linkStatuses: F.allUp)
        #expect(plan.candidates.isEmpty)
        #expect(plan.matchedRule == "none")
        #expect(plan.explanation.contains("  global network: the number's network (MCC/MNC) is unknown"))
        #expect(plan.explanation.last == "no rule matches: the message cannot be routed (add a global default rule to route everything)")
    }

    @Test func explainsAccountWithoutOwnRules() throws {
        let plan = try table().explain(for: F.request(account: F.accountB), linkStatuses: F.allUp)
        #expect(plan.explanation.contains("  account: \(F.accountB.rawValue) has no rules of its own"))
    }

    @Test func dryRunParsesAndResolvesTheNumber() throws {
        let engine = RoutingEngine(table: try table(), linkIDs: F.allLinks)
        let dryRun = try engine.dryRun(number: "0151 1234 5678", defaultRegion: "DE", accountID: F.accountA)
        #expect(dryRun.e164 == "+4915112345678")
        #expect(dryRun.regionCode == "DE")
        #expect(dryRun.mcc == "262")
        #expect(dryRun.mnc == "01")
        #expect(dryRun.linkHealth == "assumed up")
        #expect(dryRun.routesVersion == 7)
        #expect(dryRun.plan.matchedRule == "global prefix 4915 (rule de-mobile)")
        #expect(Set(dryRun.plan.links) == ["c", "d", "e", "f"])
        #expect(dryRun.rendered.contains("network:  262-01"))
        #expect(dryRun.rendered.contains("rule:     global prefix 4915 (rule de-mobile)"))

        let france = try engine.dryRun(number: "+33 6 12 34 56 78", accountID: F.accountA)
        #expect(france.plan.links == ["g"])
        #expect(france.plan.matchedRule == "account \(F.accountA.rawValue) country FR (rule acct-fr)")

        #expect(throws: (any Error).self) { try engine.dryRun(number: "not a number") }
    }
}
