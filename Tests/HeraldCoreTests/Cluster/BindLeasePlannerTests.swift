import HeraldCore
import Testing

@Suite struct BindLeasePlannerTests {
    let later = Timestamp(millisecondsSince1970: 10_000)

    func lease(_ link: String, _ index: Int, _ owner: String) -> BindLease {
        BindLease(slot: BindSlot(linkID: link, index: index), owner: owner, expiresAt: later)
    }

    func slots(_ link: String, _ indexes: Int...) -> [BindSlot] { indexes.map { BindSlot(linkID: link, index: $0) } }

    @Test func theShareIsTheBindsDividedByTheNodesRoundedUp() {
        #expect(BindLeasePlanner.share(binds: 4, liveNodes: 1) == 4)
        #expect(BindLeasePlanner.share(binds: 4, liveNodes: 3) == 2)
        #expect(BindLeasePlanner.share(binds: 2, liveNodes: 3) == 1)
        #expect(BindLeasePlanner.share(binds: 3, liveNodes: 2) == 2)
        #expect(BindLeasePlanner.share(binds: 0, liveNodes: 2) == 0)
        #expect(BindLeasePlanner.share(binds: 2, liveNodes: 0) == 2)
    }

    @Test func aLoneNodeAsksForEverySlot() {
        let plan = BindLeasePlanner.plan(bindCounts: ["acme": 3, "beta": 1], liveNodes: 1, leases: [], owner: "a")
        #expect(plan.request == slots("acme", 0, 1, 2) + slots("beta", 0))
        #expect(plan.release.isEmpty)
    }

    @Test func slotsOfOtherNodesAreLeftAlone() {
        let plan = BindLeasePlanner.plan(
            bindCounts: ["acme": 4], liveNodes: 2, leases: [lease("acme", 0, "b"), lease("acme", 1, "b")], owner: "a")
        #expect(plan.request == slots("acme", 2, 3))
    }

    @Test func heldSlotsAreRenewedAndExtrasBeyondTheShareReleased() {
        let held = (0..<4).map { lease("acme", $0, "a") }
        let plan = BindLeasePlanner.plan(bindCounts: ["acme": 4], liveNodes: 2, leases: held, owner: "a")
        #expect(plan.request == slots("acme", 0, 1))
        #expect(plan.release == slots("acme", 2, 3))
    }

    @Test func aNodeTakesNoMoreThanTheFreeSlots() {
        let plan = BindLeasePlanner.plan(
            bindCounts: ["acme": 2], liveNodes: 3, leases: [lease("acme", 0, "b"), lease("acme", 1, "c")], owner: "a")
        #expect(plan.request.isEmpty)
        #expect(plan.release.isEmpty)
    }

    @Test func leasesOfRemovedLinksAndPositionsAreReleased() {
        let plan = BindLeasePlanner.plan(
            bindCounts: ["acme": 1], liveNodes: 1, leases: [lease("acme", 0, "a"), lease("acme", 1, "a"), lease("gone", 0, "a")], owner: "a")
        #expect(plan.request == slots("acme", 0))
        #expect(plan.release == slots("acme", 1) + slots("gone", 0))
    }
}
