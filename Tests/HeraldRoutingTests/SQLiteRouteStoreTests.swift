import Foundation
import HeraldCore
import HeraldRouting
import HeraldSQLite
import Testing

@Suite struct SQLiteRouteStoreTests {
    typealias F = Fixtures

    func withStore(_ body: (SQLiteHeraldStore, String) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-routes-\(UUID().uuidString)")
        let path = directory.appendingPathComponent("herald.sqlite").path
        let store = try SQLiteHeraldStore(path: path)
        try await store.migrate()
        do {
            try await body(store, path)
        } catch {
            try? await store.close()
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        try? await store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    let rules: [RouteRule] = [
        RouteRule(id: "default", match: .default, links: [RouteLink(linkID: "a"), RouteLink(linkID: "b", backup: true)]),
        RouteRule(id: "de", match: .country("DE"), mode: .leastCost, links: [RouteLink(linkID: "a", priority: 2, weight: 0, costMicros: 6500)], note: "Germany"),
        RouteRule(id: "vf", match: .network(mcc: "262", mnc: "02"), links: [RouteLink(linkID: "b", priority: -1, weight: 1_000_000)]),
        RouteRule(id: "vip", accountID: Fixtures.accountA, match: .prefix("4915"), links: [RouteLink(linkID: "c")]),
        // Stored as written even when invalid: the engine reports it on load.
        RouteRule(id: "typo", match: .network(mcc: "26201", mnc: ""), links: []),
    ]

    @Test func replacesAndReadsTheRuleSetWithVersionsAndAudit() async throws {
        try await withStore { store, path in
            #expect(try await store.routeSet() == .empty)
            #expect(try await store.routesVersion() == 0)
            let audit = AuditEvent(at: F.now, actor: .cli("ops"), action: "routes.replace", target: "routes", details: ["rules": "5"])
            let version = try await store.replaceRoutes(rules, expectedVersion: 0, at: F.now, audit: [audit])
            #expect(version == 1)
            #expect(try await store.routeSet() == RouteSet(version: 1, rules: rules, updatedAt: F.now))

            let fewer = Array(rules.prefix(2))
            #expect(try await store.replaceRoutes(fewer, expectedVersion: nil, at: F.now.adding(seconds: 5), audit: []) == 2)
            #expect(try await store.routeSet() == RouteSet(version: 2, rules: fewer, updatedAt: F.now.adding(seconds: 5)))
            #expect(try await store.routesVersion() == 2)
            let events = try await store.auditEvents()
            #expect(events.map(\.event) == [audit])

            // Survives reopening.
            try await store.close()
            let reopened = try SQLiteHeraldStore(path: path)
            try await reopened.migrate()
            #expect(try await reopened.routeSet().rules == fewer)
            try await reopened.close()
        }
    }

    @Test func refusesAStaleVersionAndDuplicateIDsWithoutWriting() async throws {
        try await withStore { store, _ in
            try await store.replaceRoutes(rules, expectedVersion: 0, at: F.now, audit: [])
            let audit = AuditEvent(at: F.now, actor: .cli("ops"), action: "routes.replace", target: "routes")
            let conflict = await #expect(throws: HeraldError.self) {
                try await store.replaceRoutes([], expectedVersion: 0, at: F.now, audit: [audit])
            }
            #expect(conflict?.code == "routes_version_conflict")
            #expect(conflict?.category == .conflict)
            let duplicate = await #expect(throws: HeraldError.self) {
                try await store.replaceRoutes(rules + [rules[0]], expectedVersion: 1, at: F.now, audit: [audit])
            }
            #expect(duplicate?.code == "duplicate_rule_id")
            #expect(try await store.routeSet().rules == rules)
            #expect(try await store.routesVersion() == 1)
            #expect(try await store.auditEvents().isEmpty)
        }
    }

    @Test func engineFollowsTheDatabase() async throws {
        try await withStore { store, _ in
            let engine = RoutingEngine(linkIDs: ["a", "b", "c"])
            let reloader = RouteReloadService(engine: engine, store: store, logger: .init(label: "test"))
            try await store.replaceRoutes(Array(rules.prefix(4)), expectedVersion: 0, at: F.now, audit: [])
            #expect(try await reloader.refresh() == .reloaded(version: 1))
            #expect(engine.plan(for: F.request(account: F.accountA), linkStatuses: F.up("a", "b", "c")).links == ["c"])
            #expect(engine.plan(for: F.request(), linkStatuses: F.up("a", "b", "c")).links == ["a"])
            try await store.replaceRoutes(rules, expectedVersion: 1, at: F.now, audit: [])
            guard case .refused(2, let error) = try await reloader.refresh() else {
                Issue.record("the invalid rule set must be refused")
                return
            }
            #expect(error.issues.map(\.code) == [.emptyLinks, .invalidNetwork])
            #expect(engine.table.version == 1)
        }
    }
}
