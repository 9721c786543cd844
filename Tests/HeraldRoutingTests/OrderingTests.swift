import HeraldCore
import HeraldRouting
import Testing

@Suite struct OrderingTests {
    typealias F = Fixtures

    func table(_ mode: RouteMode, _ links: [RouteLink]) throws -> RouteTable {
        try RouteTable(rules: [F.rule("r", .default, mode: mode, links)], linkIDs: F.allLinks)
    }

    @Test func priorityModeOrdersByPriorityNumber() throws {
        let table = try table(.priority, [F.link("a", priority: 3, cost: 1), F.link("b", priority: 1, cost: 9), F.link("c", priority: 2, cost: 5)])
        #expect(table.plan(for: F.request(), linkStatuses: F.allUp).links == ["b", "c", "a"])
    }

    @Test func leastCostModeOrdersByCostThenPriority() throws {
        let table = try table(.leastCost, [
            F.link("a", priority: 1, cost: 9000), F.link("b", priority: 2, cost: 5000), F.link("c", priority: 1, cost: 5000), F.link("d", priority: 1, cost: 7000),
        ])
        #expect(table.plan(for: F.request(), linkStatuses: F.allUp).links == ["c", "b", "d", "a"])
        let candidate = table.plan(for: F.request(), linkStatuses: F.allUp).candidates[0]
        #expect(candidate == RouteCandidate(linkID: "c", priority: 1, weight: 1, costMicros: 5000))
    }

    @Test func backupLinksComeAfterTheOthersInEitherMode() throws {
        let links = [F.link("a", priority: 1, cost: 100, backup: true), F.link("b", priority: 5, cost: 900), F.link("c", priority: 9, cost: 500)]
        #expect(try table(.priority, links).plan(for: F.request(), linkStatuses: F.allUp).links == ["b", "c", "a"])
        #expect(try table(.leastCost, links).plan(for: F.request(), linkStatuses: F.allUp).links == ["c", "b", "a"])
    }

    @Test func downAndThrottledLinksGoLastButAreKept() throws {
        let table = try table(.priority, [F.link("a", priority: 1), F.link("b", priority: 2), F.link("c", priority: 3), F.link("d", priority: 4, backup: true)])
        var statuses = F.allUp
        statuses["a"] = LinkStatus(isUp: false, bindsUp: 0, bindsConfigured: 2)
        statuses["b"]?.isThrottled = true
        // Healthy first (including the healthy backup), then throttled, then down.
        #expect(table.plan(for: F.request(), linkStatuses: statuses).links == ["c", "d", "b", "a"])
        // A link with no reported status is treated as down.
        statuses["c"] = nil
        #expect(table.plan(for: F.request(), linkStatuses: statuses).links == ["d", "b", "a", "c"])
        // Everything down: the rule's order, nothing dropped.
        let allDown = F.allUp.mapValues { LinkStatus(isUp: false, bindsUp: 0, bindsConfigured: 1, isThrottled: $0.isThrottled) }
        #expect(table.plan(for: F.request(), linkStatuses: allDown).links == ["a", "b", "c", "d"])
    }

    @Test func weightedChoiceIsStablePerMessage() throws {
        let table = try table(.priority, [F.link("a", weight: 1), F.link("b", weight: 1), F.link("c", weight: 1), F.link("d", priority: 2)])
        var firsts = Set<String>()
        for n in 0..<50 {
            let request = F.request(message: F.messageID(n))
            let order = table.plan(for: request, linkStatuses: F.allUp).links
            // Same message, same order, every time (and with a copy of the table).
            for _ in 0..<3 { #expect(table.plan(for: request, linkStatuses: F.allUp).links == order) }
            #expect(order.count == 4)
            #expect(order.last == "d")
            #expect(Set(order.prefix(3)) == ["a", "b", "c"])
            firsts.insert(order[0])
        }
        #expect(firsts == ["a", "b", "c"])
    }

    @Test func weightedChoiceIsRoughlyProportional() throws {
        let table = try table(.leastCost, [F.link("a", weight: 3, cost: 10), F.link("b", weight: 1, cost: 10), F.link("c", weight: 6, cost: 10)])
        var counts: [String: Int] = [:]
        let messages = 20_000
        for n in 0..<messages {
            counts[table.plan(for: F.request(message: F.messageID(n)), linkStatuses: F.allUp).links[0], default: 0] += 1
        }
        // Expected shares 30 %, 10 %, 60 %; allow ±2.5 points (about 7 standard deviations at this size).
        for (link, share) in [("a", 0.3), ("b", 0.1), ("c", 0.6)] {
            let measured = Double(counts[link, default: 0]) / Double(messages)
            #expect(abs(measured - share) < 0.025, "link \(link): \(measured) of first choices, expected \(share)")
        }
    }

    @Test func zeroWeightLinksComeAfterWeightedOnesOfTheirRank() throws {
        let table = try table(.priority, [F.link("h", weight: 0), F.link("a", weight: 1), F.link("b", weight: 1), F.link("c", priority: 2)])
        for n in 0..<20 {
            let order = table.plan(for: F.request(message: F.messageID(n)), linkStatuses: F.allUp).links
            #expect(Set(order.prefix(2)) == ["a", "b"])
            #expect(Array(order.suffix(2)) == ["h", "c"])
        }
    }

    @Test func aDownLinkOnlyMovesItsOwnTraffic() throws {
        let table = try table(.priority, [F.link("a", weight: 1), F.link("b", weight: 1), F.link("c", weight: 1)])
        var statuses = F.allUp
        statuses["a"]?.isUp = false
        for n in 0..<100 {
            let request = F.request(message: F.messageID(n))
            let healthy = table.plan(for: request, linkStatuses: F.allUp).links
            let degraded = table.plan(for: request, linkStatuses: statuses).links
            // The same relative order of the remaining links, with "a" moved to the end.
            #expect(degraded == healthy.filter { $0 != "a" } + ["a"])
        }
    }

    @Test func withoutMessageIDTheNumberSeedsTheChoice() throws {
        let table = try table(.priority, [F.link("a"), F.link("b")])
        let first = table.plan(for: F.request("+4915112345678"), linkStatuses: F.allUp).links
        #expect(table.plan(for: F.request("+4915112345678"), linkStatuses: F.allUp).links == first)
        let spread = Set((0..<40).map { table.plan(for: F.request("+49151123456\($0 + 10)"), linkStatuses: F.allUp).links[0] })
        #expect(spread == ["a", "b"])
    }
}
