/// Storage port for bind ownership across the nodes sharing one database: which node holds which bind slot
/// of each carrier link (leases with an expiry), and which nodes are alive (heartbeats).
///
/// Times are the caller's clock (``HeraldClock``); nodes of a cluster must keep their clocks in step (NTP)
/// to well within the lease TTL. Every method is atomic per slot: of two nodes acquiring the same free
/// slot at once exactly one is granted it.
///
/// ```swift
/// let live = try await store.recordNodeHeartbeat(node: "node-a", at: now, expiresAt: now.adding(seconds: 5))
/// let granted = try await store.acquireBindLeases([BindSlot(linkID: "acme", index: 0)], owner: "node-a", at: now, expiresAt: now.adding(seconds: 5))
/// ```
public protocol BindLeaseStore: Sendable {
    /// True when other nodes can take leases from this store (PostgreSQL). False when this node is the only
    /// one (SQLite): a late or failed renewal then cannot hand a slot to anyone else, so binds stay open.
    var isSharedByNodes: Bool { get }

    /// Records `node` as alive until `expiresAt` and returns the ids of the nodes alive at `now` (this one
    /// included), sorted. Heartbeats and leases that expired are removed (an expired lease is a free slot).
    func recordNodeHeartbeat(node: String, at now: Timestamp, expiresAt: Timestamp) async throws -> [String]

    /// Acquires or renews each slot for `owner` until `expiresAt`. A slot is granted when nobody holds it,
    /// its lease expired by `now`, or `owner` holds it already; otherwise it is left as it is. Returns the
    /// slots granted.
    func acquireBindLeases(_ slots: [BindSlot], owner: String, at now: Timestamp, expiresAt: Timestamp) async throws -> Set<BindSlot>

    /// Gives up the leases `owner` holds on `slots` (slots held by others are not touched).
    func releaseBindLeases(_ slots: [BindSlot], owner: String) async throws

    /// Gives up every lease of `node` and removes its heartbeat (a graceful stop), so other nodes can take
    /// its binds at once rather than after the TTL.
    func retireNode(_ node: String) async throws

    /// The leases not expired at `now`, of every owner, ordered by slot.
    func bindLeases(at now: Timestamp) async throws -> [BindLease]
}
