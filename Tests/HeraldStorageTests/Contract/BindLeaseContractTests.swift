import HeraldCore
import Testing

/// The ``BindLeaseStore`` rules, on every backend: a slot has one live holder, an expired lease may be taken
/// over, releases and retirement free slots, heartbeats tell the live nodes.
@Suite struct BindLeaseContractTests {
    func leases(_ backend: any StorageBackend) throws -> any BindLeaseStore {
        try #require(backend.store as? any BindLeaseStore)
    }

    func slot(_ index: Int, _ link: String = "acme") -> BindSlot { BindSlot(linkID: link, index: index) }

    @Test(arguments: StoreFactory.all)
    func twoOwnersCompetingForSlotsEachGetOnlyFreeOnes(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let store = try leases(backend)
            let f = Fixtures()
            let now = f.at(seconds: 100)
            let until = now.adding(seconds: 5)
            #expect(try await store.acquireBindLeases([slot(0), slot(1)], owner: "node-a", at: now, expiresAt: until) == [slot(0), slot(1)])
            #expect(try await store.acquireBindLeases([slot(0), slot(1), slot(2)], owner: "node-b", at: now, expiresAt: until) == [slot(2)])
            // Renewing one's own lease extends it.
            #expect(try await store.acquireBindLeases([slot(0)], owner: "node-a", at: now.adding(seconds: 4), expiresAt: now.adding(seconds: 9)) == [slot(0)])
            let held = try await store.bindLeases(at: now.adding(seconds: 6))
            #expect(held == [BindLease(slot: slot(0), owner: "node-a", expiresAt: now.adding(seconds: 9))])
            let all = try await store.bindLeases(at: now)
            #expect(all.map(\.slot) == [slot(0), slot(1), slot(2)])
            #expect(all.map(\.owner) == ["node-a", "node-a", "node-b"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func anExpiredLeaseIsTakenOverButALiveOneIsNot(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let store = try leases(backend)
            let f = Fixtures()
            let now = f.at(seconds: 100)
            _ = try await store.acquireBindLeases([slot(0)], owner: "node-a", at: now, expiresAt: now.adding(seconds: 5))
            #expect(try await store.acquireBindLeases([slot(0)], owner: "node-b", at: now.adding(milliseconds: 4999), expiresAt: now.adding(seconds: 10)).isEmpty)
            #expect(try await store.acquireBindLeases([slot(0)], owner: "node-b", at: now.adding(seconds: 5), expiresAt: now.adding(seconds: 10)) == [slot(0)])
            #expect(try await store.bindLeases(at: now.adding(seconds: 6)).map(\.owner) == ["node-b"])
            // The old holder cannot renew what it lost.
            #expect(try await store.acquireBindLeases([slot(0)], owner: "node-a", at: now.adding(seconds: 6), expiresAt: now.adding(seconds: 11)).isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func releasingAndRetiringFreeOnlyTheirOwnersSlots(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let store = try leases(backend)
            let f = Fixtures()
            let now = f.at(seconds: 100)
            let until = now.adding(seconds: 5)
            _ = try await store.acquireBindLeases([slot(0), slot(1)], owner: "node-a", at: now, expiresAt: until)
            _ = try await store.acquireBindLeases([slot(0, "beta")], owner: "node-b", at: now, expiresAt: until)
            try await store.releaseBindLeases([slot(1), slot(0, "beta")], owner: "node-a")
            #expect(try await store.bindLeases(at: now).map(\.slot) == [slot(0), slot(0, "beta")])
            _ = try await store.recordNodeHeartbeat(node: "node-a", at: now, expiresAt: until)
            try await store.retireNode("node-a")
            #expect(try await store.bindLeases(at: now).map(\.owner) == ["node-b"])
            #expect(try await store.recordNodeHeartbeat(node: "node-b", at: now, expiresAt: until) == ["node-b"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func heartbeatsTellTheLiveNodes(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let store = try leases(backend)
            let f = Fixtures()
            let now = f.at(seconds: 100)
            #expect(try await store.recordNodeHeartbeat(node: "node-b", at: now, expiresAt: now.adding(seconds: 5)) == ["node-b"])
            #expect(try await store.recordNodeHeartbeat(node: "node-a", at: now.adding(seconds: 1), expiresAt: now.adding(seconds: 6)) == ["node-a", "node-b"])
            // node-b stopped beating: gone once its heartbeat expired, and so are expired leases.
            _ = try await store.acquireBindLeases([slot(0), slot(1)], owner: "node-b", at: now, expiresAt: now.adding(seconds: 5))
            _ = try await store.acquireBindLeases([slot(2)], owner: "node-a", at: now, expiresAt: now.adding(seconds: 9))
            #expect(try await store.recordNodeHeartbeat(node: "node-a", at: now.adding(seconds: 5), expiresAt: now.adding(seconds: 10)) == ["node-a"])
            #expect(try await store.bindLeases(at: .init(millisecondsSince1970: 0)).map(\.slot) == [slot(2)])
        }
    }
}
