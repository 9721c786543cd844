import HeraldCore
import HeraldRouting
import Logging
import Synchronization
import Testing

@Suite struct ReloadTests {
    typealias F = Fixtures

    /// Rules sending everything over one link, with the prefix and country levels in agreement, so a plan
    /// mixing two tables would show up as a mix of links.
    func rules(to link: String) -> [RouteRule] {
        [
            F.rule("default", .default, [F.link(link)]),
            F.rule("de", .country("DE"), [F.link(link, priority: 1), F.link(link == "a" ? "c" : "d", priority: 2)]),
            F.rule("4915", .prefix("4915"), [F.link(link, priority: 1), F.link(link == "a" ? "c" : "d", priority: 2)]),
        ]
    }

    @Test func reloadSwapsTheTableAndAFailedReloadKeepsTheOldOne() throws {
        let engine = RoutingEngine(linkIDs: F.allLinks)
        #expect(engine.plan(for: F.request(), linkStatuses: F.allUp).candidates.isEmpty)
        try engine.reload(rules: rules(to: "a"), version: 1)
        #expect(engine.plan(for: F.request(), linkStatuses: F.allUp).links == ["a", "c"])
        #expect(engine.table.version == 1)

        let error = #expect(throws: RouteTableError.self) {
            try engine.reload(rules: [F.rule("bad", .default, [F.link("unconfigured")])], version: 2)
        }
        #expect(error?.issues.first?.code == .unknownLink)
        #expect(engine.table.version == 1)
        #expect(engine.lastReloadError == error)
        #expect(engine.plan(for: F.request(), linkStatuses: F.allUp).links == ["a", "c"])

        try engine.reload(rules: rules(to: "b"), version: 3)
        #expect(engine.lastReloadError == nil)
        #expect(engine.plan(for: F.request(), linkStatuses: F.allUp).links == ["b", "d"])
    }

    @Test func lookupsDuringReloadsAlwaysSeeOneWholeTable() async throws {
        let engine = RoutingEngine(linkIDs: F.allLinks)
        try engine.reload(rules: rules(to: "a"), version: 1)
        let tableA = try RouteTable(rules: rules(to: "a"), linkIDs: F.allLinks, version: 1)
        let tableB = try RouteTable(rules: rules(to: "b"), linkIDs: F.allLinks, version: 2)
        let stop = StopFlag()
        let reloads = 200

        let results = await withTaskGroup(of: (lookups: Int, bad: [String], seenB: Bool).self) { group in
            for worker in 0..<4 {
                group.addTask {
                    var lookups = 0
                    var bad: [String] = []
                    var seenB = false
                    let requests = [F.request(), F.request("+4930123456", mcc: nil, mnc: nil), F.request("+33612345678", region: "FR")]
                    while !stop.isSet || lookups < 1000 {
                        let plan = engine.plan(for: requests[(lookups + worker) % 3], linkStatuses: F.allUp)
                        let links = plan.links
                        if links != ["a", "c"] && links != ["b", "d"] && links != ["a"] && links != ["b"] { bad.append("\(links)") }
                        if links.first == "b" { seenB = true }
                        lookups += 1
                        if lookups % 64 == 0 { await Task.yield() }
                    }
                    return (lookups, bad, seenB)
                }
            }
            group.addTask {
                for index in 0..<reloads {
                    // Alternate a rebuild from rules, a prebuilt table, and an invalid rule set that must be refused.
                    switch index % 3 {
                    case 0: _ = try? engine.reload(rules: self.rules(to: index % 2 == 0 ? "b" : "a"), version: Int64(index + 10))
                    case 1: engine.install(index % 2 == 0 ? tableA : tableB)
                    default: _ = try? engine.reload(rules: [F.rule("bad", .default, [])], version: -1)
                    }
                    await Task.yield()
                }
                engine.install(tableB)
                stop.set()
                return (0, [], false)
            }
            var all: [(lookups: Int, bad: [String], seenB: Bool)] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.flatMap(\.bad).isEmpty)
        #expect(results.map(\.lookups).reduce(0, +) >= 4000)
        #expect(engine.table.version == 2)
        #expect(engine.table.ruleCount == 3)
    }

    @Test func reloadServiceFollowsTheStoreAndSkipsInvalidVersions() async throws {
        let store = InMemoryRouteStore()
        let engine = RoutingEngine(linkIDs: F.allLinks)
        let service = RouteReloadService(engine: engine, store: store, interval: .seconds(60), logger: Logger(label: "test"))
        #expect(try await service.refresh() == .unchanged)

        let v1 = try await store.replaceRoutes(rules(to: "a"), expectedVersion: 0, at: F.now, audit: [])
        #expect(try await service.refresh() == .reloaded(version: v1))
        #expect(engine.plan(for: F.request(), linkStatuses: F.allUp).links == ["a", "c"])
        #expect(try await service.refresh() == .unchanged)

        let v2 = try await store.replaceRoutes([F.rule("x", .default, [F.link("nope")])], expectedVersion: v1, at: F.now, audit: [])
        guard case .refused(let version, let error) = try await service.refresh() else {
            Issue.record("an invalid version must be refused")
            return
        }
        #expect(version == v2)
        #expect(error.issues.map(\.code) == [.unknownLink])
        #expect(engine.table.version == v1)
        #expect(engine.plan(for: F.request(), linkStatuses: F.allUp).links == ["a", "c"])
        // Reported once, not on every poll.
        #expect(try await service.refresh() == .unchanged)

        let v3 = try await store.replaceRoutes(rules(to: "b"), expectedVersion: v2, at: F.now, audit: [])
        #expect(try await service.refresh() == .reloaded(version: v3))
        #expect(engine.plan(for: F.request(), linkStatuses: F.allUp).links == ["b", "d"])
    }

    @Test func inMemoryStoreVersionsAndConflicts() async throws {
        let store = InMemoryRouteStore()
        #expect(try await store.routeSet() == .empty)
        let audit = AuditEvent(at: F.now, actor: .cli("ops"), action: "routes.replace", target: "routes")
        #expect(try await store.replaceRoutes(rules(to: "a"), expectedVersion: nil, at: F.now, audit: [audit]) == 1)
        let error = await #expect(throws: HeraldError.self) {
            try await store.replaceRoutes(rules(to: "b"), expectedVersion: 0, at: F.now, audit: [])
        }
        #expect(error?.code == "routes_version_conflict")
        await #expect(throws: HeraldError.duplicateRouteRuleID("default")) {
            try await store.replaceRoutes(rules(to: "a") + rules(to: "a"), expectedVersion: 1, at: F.now, audit: [])
        }
        #expect(try await store.routesVersion() == 1)
        #expect(try await store.routeSet().rules == rules(to: "a"))
        #expect(store.auditEvents == [audit])
    }
}

/// Tells the lookup workers to finish.
final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    var isSet: Bool { flag.load(ordering: .acquiring) }
    func set() { flag.store(true, ordering: .releasing) }
}
