import HeraldCore
import Synchronization

/// A ``BindLeaseStore`` in memory with the stores' rules, for tests of lease logic without a database; several
/// coordinators sharing one instance behave like nodes sharing one database. ``failing`` makes every call throw.
public final class InMemoryBindLeaseStore: BindLeaseStore {
    private struct State {
        var leases: [BindSlot: BindLease] = [:]
        var nodes: [String: Timestamp] = [:]
        var failing = false
    }

    private let state = Mutex(State())
    public let isSharedByNodes: Bool

    /// - Parameter shared: whether it stands for a store other nodes use too (PostgreSQL) or a single node's (SQLite).
    public init(shared: Bool = true) {
        isSharedByNodes = shared
    }

    /// While true every call throws (a database outage).
    public var failing: Bool {
        get { state.withLock { $0.failing } }
        set { state.withLock { $0.failing = newValue } }
    }

    /// Every stored lease, expired ones included, by slot.
    public var allLeases: [BindLease] { state.withLock { $0.leases.values.sorted { $0.slot < $1.slot } } }

    public func recordNodeHeartbeat(node: String, at now: Timestamp, expiresAt: Timestamp) async throws -> [String] {
        try state.withLock { state in
            try Self.check(state)
            state.nodes = state.nodes.filter { $0.value > now || $0.key == node }
            state.leases = state.leases.filter { $0.value.expiresAt > now }
            state.nodes[node] = expiresAt
            return state.nodes.filter { $0.value > now }.keys.sorted()
        }
    }

    public func acquireBindLeases(_ slots: [BindSlot], owner: String, at now: Timestamp, expiresAt: Timestamp) async throws -> Set<BindSlot> {
        try state.withLock { state in
            try Self.check(state)
            var granted: Set<BindSlot> = []
            for slot in slots {
                if let lease = state.leases[slot], lease.expiresAt > now, lease.owner != owner { continue }
                state.leases[slot] = BindLease(slot: slot, owner: owner, expiresAt: expiresAt)
                granted.insert(slot)
            }
            return granted
        }
    }

    public func releaseBindLeases(_ slots: [BindSlot], owner: String) async throws {
        try state.withLock { state in
            try Self.check(state)
            for slot in slots where state.leases[slot]?.owner == owner { state.leases[slot] = nil }
        }
    }

    public func retireNode(_ node: String) async throws {
        try state.withLock { state in
            try Self.check(state)
            state.leases = state.leases.filter { $0.value.owner != node }
            state.nodes[node] = nil
        }
    }

    public func bindLeases(at now: Timestamp) async throws -> [BindLease] {
        try state.withLock { state in
            try Self.check(state)
            return state.leases.values.filter { $0.expiresAt > now }.sorted { $0.slot < $1.slot }
        }
    }

    private static func check(_ state: State) throws {
        if state.failing { throw HeraldError(.unavailable, code: "store_unavailable", "the in-memory lease store is set to fail") }
    }
}
