import HeraldCore
import HeraldPostgres
import HeraldTestSupport
import Logging
import Testing

/// Bind leases on one PostgreSQL schema shared by two stores (two nodes): racing acquisitions grant every
/// slot once, and coordinators on both nodes never open more binds than a link has.
@Suite(.enabled(if: PostgresBackend.configuredURL != nil, "set HERALD_TEST_POSTGRES_URL to run the PostgreSQL tests"))
struct PostgresBindLeaseConcurrencyTests {
    @Test func racingOwnersAreEachGrantedDisjointSlots() async throws {
        try await PostgresConcurrencyTests.withTwoNodes { a, b, _ in
            let f = Fixtures()
            let now = f.at(seconds: 100)
            let slots = (0..<6).map { BindSlot(linkID: "acme", index: $0) }
            let grants = try await withThrowingTaskGroup(of: Set<BindSlot>.self, returning: [Set<BindSlot>].self) { group in
                for owner in 0..<8 {
                    let store = owner % 2 == 0 ? a : b
                    group.addTask {
                        // Each owner asks for every slot, in its own order.
                        let order = owner % 3 == 0 ? slots.reversed() : slots
                        return try await store.acquireBindLeases(Array(order), owner: "node-\(owner)", at: now, expiresAt: now.adding(seconds: 5))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let granted = grants.flatMap { $0 }
            #expect(granted.count == slots.count, "a slot was granted twice or not at all")
            #expect(Set(granted) == Set(slots))
            let stored = try await a.bindLeases(at: now)
            #expect(stored.count == slots.count)
        }
    }

    @Test func coordinatorsOnTwoNodesShareTheBindsWithoutExceedingThem() async throws {
        try await PostgresConcurrencyTests.withTwoNodes { a, b, _ in
            let clock = ManualClock()
            let binds = ["acme": 3, "beta": 1]
            var logger = Logger(label: "test.cluster")
            logger.logLevel = .critical
            let controlA = RecordingBindControl(bindCounts: binds)
            let controlB = RecordingBindControl(bindCounts: binds)
            let settings = BindLeaseSettings()
            let nodeA = BindLeaseCoordinator(store: a, binds: controlA, nodeID: "node-a", settings: settings, clock: clock, logger: logger)
            let nodeB = BindLeaseCoordinator(store: b, binds: controlB, nodeID: "node-b", settings: settings, clock: clock, logger: logger)

            /// No slot open on two of the live nodes, no link with more open binds than it has.
            func expectWithinLimits(_ live: [RecordingBindControl]) {
                var seen: Set<BindSlot> = []
                for control in live {
                    for slot in control.openSlots { #expect(seen.insert(slot).inserted, "slot \(slot) is open on two nodes") }
                }
                for (link, count) in binds { #expect(seen.filter { $0.linkID == link }.count <= count) }
            }

            for _ in 0..<4 {
                async let roundA: Void = nodeA.round()
                async let roundB: Void = nodeB.round()
                _ = await (roundA, roundB)
                expectWithinLimits([controlA, controlB])
                clock.advance(by: .seconds(1))
            }
            #expect(controlA.openSlots.count + controlB.openSlots.count == 4, "together the nodes hold every bind")
            #expect(controlA.openSlots.filter { $0.linkID == "acme" }.count == 2 || controlB.openSlots.filter { $0.linkID == "acme" }.count == 2)

            // node-b dies: once its leases expire node-a holds every bind.
            for _ in 0..<7 {
                await nodeA.round()
                expectWithinLimits([controlA])
                clock.advance(by: .seconds(1))
            }
            #expect(controlA.openSlots.count == 4)
            #expect(nodeA.liveNodes == 1)
        }
    }
}
