import HeraldCore
import Testing

@Suite struct BindLeasePlannerTests {
    let later = Timestamp(millisecondsSince1970: 10_000)

    func lease(_ link: String, _ index: Int, _ owner: String) -> BindLease {
        BindLease(slot: BindSlot(linkID: link, index: index), owner: owner, expiresAt: later)
    }

    func slots(_ link: String, _ indexes: Int...) -> [BindSlot] { indexes.map { BindSlot(linkID: link, index: $0) } }

    @Test func sharesAddUpToTheBindsAndDifferByAtMostOne() {
        for binds in 0...9 {
            for nodes in 1...5 {
                for link in ["acme", "beta", "gamma"] {
                    let shares = (0..<nodes).map { BindLeasePlanner.share(binds: binds, liveNodes: nodes, rank: $0, linkID: link) }
                    #expect(shares.reduce(0, +) == binds)
                    #expect(shares.allSatisfy { $0 == binds / nodes || $0 == (binds + nodes - 1) / nodes })
                }
            }
        }
        #expect(BindLeasePlanner.share(binds: 2, liveNodes: 0, rank: 0, linkID: "acme") == 2)
    }

    @Test func withAsManyBindsAsNodesEveryNodeGetsOne() {
        // ceil(4 / 3) = 2 for everyone would let two nodes take all four and starve the third.
        let shares = (0..<3).map { BindLeasePlanner.share(binds: 4, liveNodes: 3, rank: $0, linkID: "acme") }
        #expect(shares.sorted() == [1, 1, 2])
    }

    @Test func linksGiveTheirExtraBindsToDifferentNodes() {
        let links = (0..<12).map { "link-\($0)" }
        let favoured = Set(links.compactMap { link in (0..<3).first { BindLeasePlanner.share(binds: 1, liveNodes: 3, rank: $0, linkID: link) == 1 } })
        #expect(favoured.count > 1)
    }

    @Test func aLoneNodeAsksForEverySlot() {
        let plan = BindLeasePlanner.plan(bindCounts: ["acme": 3, "beta": 1], liveNodes: ["a"], leases: [], owner: "a")
        #expect(plan.request == slots("acme", 0, 1, 2) + slots("beta", 0))
        #expect(plan.release.isEmpty)
    }

    @Test func slotsOfOtherNodesAreLeftAlone() {
        let plan = BindLeasePlanner.plan(
            bindCounts: ["acme": 4], liveNodes: ["a", "b"], leases: [lease("acme", 0, "b"), lease("acme", 1, "b")], owner: "a")
        #expect(plan.request == slots("acme", 2, 3))
    }

    @Test func heldSlotsAreRenewedAndExtrasBeyondTheShareReleased() {
        let held = (0..<4).map { lease("acme", $0, "a") }
        let plan = BindLeasePlanner.plan(bindCounts: ["acme": 4], liveNodes: ["a", "b"], leases: held, owner: "a")
        #expect(plan.request == slots("acme", 0, 1))
        #expect(plan.release == slots("acme", 2, 3))
    }

    @Test func aNodeTakesNoMoreThanTheFreeSlots() {
        let plan = BindLeasePlanner.plan(
            bindCounts: ["acme": 2], liveNodes: ["a", "b", "c"], leases: [lease("acme", 0, "b"), lease("acme", 1, "c")], owner: "a")
        #expect(plan.request.isEmpty)
        #expect(plan.release.isEmpty)
    }

    @Test func leasesOfRemovedLinksAndPositionsAreReleased() {
        let plan = BindLeasePlanner.plan(
            bindCounts: ["acme": 1], liveNodes: ["a"], leases: [lease("acme", 0, "a"), lease("acme", 1, "a"), lease("gone", 0, "a")], owner: "a")
        #expect(plan.request == slots("acme", 0))
        #expect(plan.release == slots("acme", 1) + slots("gone", 0))
    }
}
