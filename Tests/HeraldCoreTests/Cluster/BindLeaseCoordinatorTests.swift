import HeraldCore
import HeraldTestSupport
import Logging
import Testing

/// Bind ownership among nodes sharing one lease store, without sockets and with an injected clock.
@Suite struct BindLeaseCoordinatorTests {
    let settings = BindLeaseSettings(ttl: .seconds(5), renewInterval: .seconds(1))

    func node(_ id: String, store: InMemoryBindLeaseStore, clock: ManualClock, binds: [String: Int]) -> (BindLeaseCoordinator, RecordingBindControl) {
        let control = RecordingBindControl(bindCounts: binds)
        var logger = Logger(label: "test.cluster")
        logger.logLevel = .critical
        return (BindLeaseCoordinator(store: store, binds: control, nodeID: id, settings: settings, clock: clock, logger: logger), control)
    }

    /// No slot is open on two nodes and no link has more open binds than configured.
    func expectNoOverlap(_ controls: [RecordingBindControl], binds: [String: Int]) {
        var seen: Set<BindSlot> = []
        for control in controls {
            for slot in control.openSlots {
                #expect(seen.insert(slot).inserted, "slot \(slot) open on two nodes")
                #expect(slot.index < binds[slot.linkID] ?? 0)
            }
        }
    }

    @Test func aLoneNodeOpensEveryBindItHoldsALeaseFor() async {
        let store = InMemoryBindLeaseStore()
        let clock = ManualClock()
        let (a, control) = node("a", store: store, clock: clock, binds: ["acme": 3])
        await a.round()
        #expect(control.openBinds(of: "acme") == [0, 1, 2])
        #expect(a.heldSlots.count == 3)
        #expect(store.allLeases.allSatisfy { $0.owner == "a" })
    }

    @Test func aSecondNodeGetsItsShareAfterTheFirstReleasesIt() async {
        let store = InMemoryBindLeaseStore()
        let clock = ManualClock()
        let binds = ["acme": 4]
        let (a, controlA) = node("a", store: store, clock: clock, binds: binds)
        let (b, controlB) = node("b", store: store, clock: clock, binds: binds)
        await a.round()
        await b.round()  // b sees two live nodes but every slot is a's
        #expect(controlB.openBinds(of: "acme").isEmpty)
        expectNoOverlap([controlA, controlB], binds: binds)
        await a.round()  // a's share is now 2: it closes and releases two
        #expect(controlA.openBinds(of: "acme") == [0, 1])
        await b.round()
        #expect(controlB.openBinds(of: "acme") == [2, 3])
        expectNoOverlap([controlA, controlB], binds: binds)
    }

    @Test func aDeadNodesBindsMoveToTheLiveNodeOnceItsLeasesExpire() async {
        let store = InMemoryBindLeaseStore()
        let clock = ManualClock()
        let binds = ["acme": 2]
        let (a, controlA) = node("a", store: store, clock: clock, binds: binds)
        let (b, controlB) = node("b", store: store, clock: clock, binds: binds)
        await a.round()
        await b.round()
        await a.round()
        await b.round()
        #expect(controlA.openBinds(of: "acme") == [0])
        #expect(controlB.openBinds(of: "acme") == [1])
        // b dies (stops renewing). Before its lease expires a may not take its slot.
        clock.advance(by: .seconds(3))
        await a.round()
        #expect(controlA.openBinds(of: "acme") == [0])
        clock.advance(by: .seconds(3))
        await a.round()
        #expect(controlA.openBinds(of: "acme") == [0, 1])
        #expect(a.liveNodes == 1)
    }

    @Test func aFailedRenewalClosesEveryBindAndTheNextRoundReopensThem() async {
        let store = InMemoryBindLeaseStore()
        let clock = ManualClock()
        let (a, control) = node("a", store: store, clock: clock, binds: ["acme": 2])
        await a.round()
        store.failing = true
        await a.round()
        #expect(control.openSlots.isEmpty)
        #expect(a.heldSlots.isEmpty)
        store.failing = false
        await a.round()
        #expect(control.openBinds(of: "acme") == [0, 1])
    }

    @Test func aLoneNodesBindsStayOpenWhenItsUnsharedStoreFails() async {
        let store = InMemoryBindLeaseStore(shared: false)
        let clock = ManualClock()
        let (a, control) = node("a", store: store, clock: clock, binds: ["acme": 2])
        await a.round()
        store.failing = true
        await a.round()
        clock.advance(by: .seconds(10))
        await a.enforceExpiry()
        #expect(control.openBinds(of: "acme") == [0, 1], "nobody else can take the slots of a single node's store")
        store.failing = false
        await a.round()
        #expect(control.openBinds(of: "acme") == [0, 1])
    }

    @Test func theWatchdogClosesBindsWhoseLeasesWereNotRenewedInTime() async {
        let store = InMemoryBindLeaseStore()
        let clock = ManualClock()
        let (a, control) = node("a", store: store, clock: clock, binds: ["acme": 2])
        await a.round()
        clock.advance(by: .seconds(3))
        await a.enforceExpiry()
        #expect(control.openBinds(of: "acme") == [0, 1])
        // Less than one renew interval left on the lease: close rather than risk outliving it.
        clock.advance(by: .milliseconds(1500))
        await a.enforceExpiry()
        #expect(control.openSlots.isEmpty)
    }

    @Test func retiringHandsTheBindsToTheOtherNodeAtOnce() async {
        let store = InMemoryBindLeaseStore()
        let clock = ManualClock()
        let binds = ["acme": 2]
        let (a, controlA) = node("a", store: store, clock: clock, binds: binds)
        let (b, controlB) = node("b", store: store, clock: clock, binds: binds)
        await a.round()
        await b.round()
        await a.retire()
        #expect(controlA.openSlots.isEmpty)
        await b.round()
        #expect(controlB.openBinds(of: "acme") == [0, 1])
    }

    @Test func withAsManyBindsAsNodesEveryNodeEndsUpWithABind() async {
        let store = InMemoryBindLeaseStore()
        let clock = ManualClock()
        let binds = ["acme": 4]
        let nodes = ["a", "b", "c"].map { node($0, store: store, clock: clock, binds: binds) }
        for _ in 0..<4 {
            for (coordinator, _) in nodes { await coordinator.round() }
            expectNoOverlap(nodes.map(\.1), binds: binds)
        }
        #expect(nodes.map { $0.1.openSlots.count }.sorted() == [1, 1, 2])
    }

    @Test func manyNodesNeverOpenMoreBindsThanConfigured() async {
        let store = InMemoryBindLeaseStore()
        let clock = ManualClock()
        let binds = ["acme": 3, "beta": 1, "gamma": 5]
        let nodes = ["a", "b", "c", "d"].map { node($0, store: store, clock: clock, binds: binds) }
        for step in 0..<12 {
            // d dies at step 6 (its process, and with it its binds, are gone).
            let live = step >= 6 ? Array(nodes.prefix(3)) : nodes
            for (coordinator, _) in live {
                await coordinator.round()
                expectNoOverlap(live.map(\.1), binds: binds)
            }
            clock.advance(by: .seconds(1))
        }
        let survivors = nodes.prefix(3).map(\.1)
        let open = survivors.reduce(0) { $0 + $1.openSlots.count }
        #expect(open == 9, "every bind is held by a live node once the dead node's leases expired")
    }
}
