import HeraldCore
import HeraldRouting
import Testing

/// The table at the size the engine is specified for (200 countries, 1,000 links, 100,000 prefix rules):
/// answers agree with a brute-force search. Speed is measured by Benchmarks/RoutingBenchmarks, not here.
@Suite struct ScaleTests {
    typealias F = Fixtures

    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func digits(_ count: Int) -> String { String((0..<count).map { _ in Character(String(next() % 10)) }) }
    }

    @Test func largeTableMatchesBruteForce() throws {
        var random = Generator(state: 11)
        let links = (0..<1000).map { "link-\($0)" }
        func someLinks() -> [RouteLink] {
            (0..<3).map { i in RouteLink(linkID: links[Int(random.next() % 1000)], priority: i, weight: 1 + Int(random.next() % 5), costMicros: Int64(random.next() % 10_000)) }
                .reduce(into: [RouteLink]()) { list, link in if !list.contains(where: { $0.linkID == link.linkID }) { list.append(link) } }
        }
        let regions = Array(Set(["DE", "FR", "GB", "US", "IT", "ES", "NL", "BE", "AT", "CH"]))
        var rules: [RouteRule] = [RouteRule(id: "default", match: .default, links: someLinks())]
        for region in regions { rules.append(RouteRule(id: "c-\(region)", match: .country(region), links: someLinks())) }
        var prefixes = Set<String>()
        while prefixes.count < 100_000 { prefixes.insert("4" + random.digits(1 + Int(random.next() % 7))) }
        let prefixList = prefixes.sorted()
        for prefix in prefixList { rules.append(RouteRule(id: "p-\(prefix)", match: .prefix(prefix), links: someLinks())) }

        let table = try RouteTable(rules: rules, linkIDs: Set(links))
        #expect(table.ruleCount == 100_000 + regions.count + 1)
        for _ in 0..<2000 {
            let number = "+4" + random.digits(11)
            let digits = number.dropFirst()
            let expected = (1...9).reversed().lazy.map { String(digits.prefix($0)) }.first { prefixes.contains($0) }
            let plan = table.plan(for: F.request(number, mcc: nil, mnc: nil), linkStatuses: [:])
            #expect(plan.matchedRule == (expected.map { "global prefix \($0) (rule p-\($0))" } ?? "global country DE (rule c-DE)"))
            #expect(!plan.candidates.isEmpty)
        }
    }
}
