import HeraldCore
import HeraldRouting
import Testing

@Suite struct PrecedenceTests {
    typealias F = Fixtures

    /// One rule at every level, each naming its own link, so the chosen link tells which rule matched.
    func fullTable() throws -> RouteTable {
        try RouteTable(rules: [
            F.rule("g-default", .default, [F.link("a")]),
            F.rule("g-country", .country("DE"), [F.link("b")]),
            F.rule("g-network", .network(mcc: "262", mnc: "01"), [F.link("c")]),
            F.rule("g-prefix", .prefix("49151"), [F.link("d")]),
            F.rule("a-default", .default, account: F.accountA, [F.link("e")]),
            F.rule("a-country", .country("DE"), account: F.accountA, [F.link("f")]),
            F.rule("a-network", .network(mcc: "262", mnc: "01"), account: F.accountA, [F.link("g")]),
            F.rule("a-prefix", .prefix("49151"), account: F.accountA, [F.link("h")]),
        ], linkIDs: F.allLinks)
    }

    @Test func globalLevelsMostSpecificFirst() throws {
        let table = try fullTable()
        #expect(table.plan(for: F.request(), linkStatuses: F.allUp).links == ["d"])
        #expect(table.plan(for: F.request(), linkStatuses: F.allUp).matchedRule == "global prefix 49151 (rule g-prefix)")
        // Not under 49151, still on 262-01: the network rule.
        #expect(table.plan(for: F.request("+4916012345678"), linkStatuses: F.allUp).links == ["c"])
        // Another German network: the country rule.
        #expect(table.plan(for: F.request("+4916012345678", mnc: "02"), linkStatuses: F.allUp).links == ["b"])
        // Network unknown: the country rule.
        #expect(table.plan(for: F.request("+4930123456", mcc: nil, mnc: nil), linkStatuses: F.allUp).links == ["b"])
        // Another country: the default.
        #expect(table.plan(for: F.request("+33612345678", region: "FR", mcc: "208", mnc: "01"), linkStatuses: F.allUp).links == ["a"])
    }

    @Test func accountRulesWinOverEveryGlobalRule() throws {
        let table = try fullTable()
        func route(_ request: RouteRequest) -> [String] { table.plan(for: request, linkStatuses: F.allUp).links }
        #expect(route(F.request(account: F.accountA)) == ["h"])
        #expect(route(F.request("+4916012345678", account: F.accountA)) == ["g"])
        #expect(route(F.request("+4916012345678", mnc: "02", account: F.accountA)) == ["f"])
        // The account's default beats the global prefix, network and country rules.
        #expect(route(F.request("+33612345678", region: "FR", mcc: "208", mnc: "01", account: F.accountA)) == ["e"])
        let plan = table.plan(for: F.request("+33612345678", region: "FR", mcc: "208", mnc: "01", account: F.accountA), linkStatuses: F.allUp)
        #expect(plan.matchedRule == "account \(F.accountA.rawValue) default (rule a-default)")
        // Another account sees only the global rules.
        #expect(route(F.request(account: F.accountB)) == ["d"])
    }

    @Test func accountWithoutMatchingRuleFallsBackToGlobalRules() throws {
        let table = try RouteTable(rules: [
            F.rule("g-default", .default, [F.link("a")]),
            F.rule("g-prefix", .prefix("4915"), [F.link("b")]),
            F.rule("a-fr", .country("FR"), account: F.accountA, [F.link("c")]),
        ], linkIDs: F.allLinks)
        #expect(table.plan(for: F.request(account: F.accountA), linkStatuses: F.allUp).links == ["b"])
        #expect(table.plan(for: F.request("+33612345678", region: "FR", account: F.accountA), linkStatuses: F.allUp).links == ["c"])
    }

    @Test func longestPrefixWins() throws {
        let table = try RouteTable(rules: [
            F.rule("49", .prefix("49"), [F.link("a")]),
            F.rule("4915", .prefix("4915"), [F.link("b")]),
            F.rule("491512", .prefix("+491512"), [F.link("c")]),
            F.rule("4916", .prefix("4916"), [F.link("d")]),
        ], linkIDs: F.allLinks)
        func route(_ e164: String) -> [String] { table.plan(for: F.request(e164, mcc: nil, mnc: nil), linkStatuses: F.allUp).links }
        #expect(route("+4915123456789") == ["c"])
        #expect(route("+4915923456789") == ["b"])
        #expect(route("+4916023456789") == ["d"])
        #expect(route("+4930123456") == ["a"])
        #expect(route("+33612345678") == [])
        #expect(table.plan(for: F.request("+4915123456789"), linkStatuses: F.allUp).matchedRule == "global prefix 491512 (rule 491512)")
    }

    @Test func noMatchingRuleGivesAnEmptyPlan() throws {
        let table = try RouteTable(rules: [F.rule("fr", .country("FR"), [F.link("a")])], linkIDs: F.allLinks)
        let plan = table.plan(for: F.request(), linkStatuses: F.allUp)
        #expect(plan.candidates.isEmpty)
        #expect(plan.matchedRule == "none")
        #expect(RouteTable.empty.plan(for: F.request(), linkStatuses: F.allUp).candidates.isEmpty)
    }

    @Test func networkCodesKeepLeadingZeros() throws {
        // 2-digit "01" and 3-digit "001" are different networks.
        let table = try RouteTable(rules: [
            F.rule("two", .network(mcc: "310", mnc: "01"), [F.link("a")]),
            F.rule("three", .network(mcc: "310", mnc: "001"), [F.link("b")]),
        ], linkIDs: F.allLinks)
        #expect(table.plan(for: F.request("+12125550123", region: "US", mcc: "310", mnc: "01"), linkStatuses: F.allUp).links == ["a"])
        #expect(table.plan(for: F.request("+12125550123", region: "US", mcc: "310", mnc: "001"), linkStatuses: F.allUp).links == ["b"])
        #expect(table.plan(for: F.request("+12125550123", region: "US", mcc: "310", mnc: "1"), linkStatuses: F.allUp).links == [])
    }

    @Test func countryMatchIgnoresCase() throws {
        let table = try RouteTable(rules: [F.rule("de", .country("de"), [F.link("a")])], linkIDs: F.allLinks)
        #expect(table.plan(for: F.request(), linkStatuses: F.allUp).links == ["a"])
        #expect(table.plan(for: F.request(region: "de"), linkStatuses: F.allUp).links == ["a"])
    }
}
