import HeraldCore
import HeraldRouting
import Testing

@Suite struct ValidationTests {
    typealias F = Fixtures

    func issues(_ rules: [RouteRule], links: Set<String>? = Fixtures.allLinks) -> [RouteValidationIssue] {
        do {
            _ = try RouteTable(rules: rules, linkIDs: links)
            return []
        } catch {
            return error.issues
        }
    }

    @Test func unknownLinkNamesTheLinkAndTheConfiguredOnes() {
        let found = issues([F.rule("de", .country("DE"), [F.link("a"), F.link("acme-fr")])], links: ["a", "b"])
        #expect(found.map(\.code) == [.unknownLink])
        #expect(found[0].ruleID == "de")
        #expect(found[0].message == "rule 1 \"de\": link \"acme-fr\" is not a configured carrier link (configured: a, b)")
    }

    @Test func unknownLinksAreNotCheckedWithoutALinkList() {
        #expect(issues([F.rule("de", .country("DE"), [F.link("anything")])], links: nil).isEmpty)
    }

    @Test func duplicateRulesAndIDs() {
        let found = issues([
            F.rule("one", .prefix("4915"), [F.link("a")]),
            F.rule("two", .prefix("+4915"), [F.link("b")]),
            F.rule("one", .country("DE"), [F.link("a")]),
            // The same match for an account is not a duplicate of the global rule.
            F.rule("acct", .prefix("4915"), account: F.accountA, [F.link("a")]),
        ])
        #expect(found.map(\.code) == [.duplicateRule, .duplicateRuleID])
        #expect(found[0].message == "rule 2 \"two\": rule \"one\" already matches global prefix 4915; only one rule may")
        #expect(found[1].message == "rule 3 \"one\": the id is already used by rule 1")
    }

    @Test func emptyLinkListAndBadLinkValues() {
        let found = issues([
            F.rule("empty", .default, []),
            F.rule("bad", .country("FR"), [F.link("a", weight: -1), F.link("b", cost: -5), F.link("a")]),
        ])
        #expect(found.map(\.code) == [.emptyLinks, .invalidWeight, .invalidCost, .duplicateLink])
        #expect(found[0].message == "rule 1 \"empty\": lists no links; a rule needs at least one")
    }

    @Test func badPrefixes() {
        let found = issues([
            F.rule("letters", .prefix("49a"), [F.link("a")]),
            F.rule("empty", .prefix(""), [F.link("a")]),
            F.rule("long", .prefix("1234567890123456"), [F.link("a")]),
            F.rule("plus-only", .prefix("+"), [F.link("a")]),
        ])
        #expect(found.map(\.code) == [.invalidPrefix, .invalidPrefix, .invalidPrefix, .invalidPrefix])
        #expect(found[0].message == "rule 1 \"letters\": prefix \"49a\" must be 1 to 15 digits of an E.164 number (country code first, no \"+\" needed)")
    }

    @Test func badNetworks() {
        let found = issues([
            F.rule("short-mcc", .network(mcc: "26", mnc: "01"), [F.link("a")]),
            F.rule("one-digit-mnc", .network(mcc: "262", mnc: "1"), [F.link("a")]),
            F.rule("no-dash", .network(mcc: "26201", mnc: ""), [F.link("a")]),
            F.rule("letters", .network(mcc: "2x2", mnc: "01"), [F.link("a")]),
            F.rule("ok", .network(mcc: "262", mnc: "001"), [F.link("a")]),
        ])
        #expect(found.map(\.ruleID) == ["short-mcc", "one-digit-mnc", "no-dash", "letters"])
        #expect(found.allSatisfy { $0.code == .invalidNetwork })
        #expect(found[2].message == "rule 3 \"no-dash\": network \"26201\" must be MCC-MNC: a 3-digit MCC, a dash and a 2- or 3-digit MNC, e.g. \"262-01\"")
    }

    @Test func badCountries() {
        let found = issues([
            F.rule("uk", .country("UK"), [F.link("a")]),
            F.rule("long", .country("DEU"), [F.link("a")]),
            F.rule("non-geo", .country("001"), [F.link("a")]),
            F.rule("gb", .country("gb"), [F.link("a")]),
        ])
        #expect(found.map(\.ruleID) == ["uk", "long"])
        #expect(found[0].code == .invalidCountry)
        #expect(found[0].message.hasSuffix("(the United Kingdom is GB)"))
    }

    @Test func badRuleIDs() {
        let found = issues([F.rule("", .default, [F.link("a")]), F.rule("has space", .country("FR"), [F.link("a")])])
        #expect(found.map(\.code) == [.invalidRuleID, .invalidRuleID])
    }

    @Test func errorSummarisesEveryProblem() throws {
        let error = #expect(throws: RouteTableError.self) {
            try RouteTable(rules: [F.rule("x", .prefix("4x"), []), F.rule("y", .default, [F.link("nope")])], linkIDs: ["a"])
        }
        #expect(error?.issues.count == 3)
        #expect(error?.code == "invalid_routes")
        #expect(error?.message.hasPrefix("the route rules are invalid (3 problems): empty_links: rule 1 \"x\"") == true)
        #expect(error?.heraldError.category == .invalidInput)
        #expect(RouteTable.validate([F.rule("y", .default, [F.link("a")])], linkIDs: ["a"]).isEmpty)
    }
}
