/// Decides which bind slots a node should hold: pure logic over the live leases, the links' bind counts and
/// the live nodes.
///
/// Of a link with `binds` binds and `n` live nodes, every node's share is `binds / n` (rounded down) and
/// `binds % n` of the nodes get one more: the nodes are ranked by id, and the extras go to consecutive ranks
/// starting at a position derived from the link's id, so different links give their extras to different
/// nodes. Every node computes the same shares from the same live nodes, the shares add up to `binds`, no
/// node's share exceeds `ceil(binds / n)`, and with at least as many binds as nodes every node gets one.
///
/// A node keeps the slots it holds up to its share (the lowest positions), releases the rest, and asks for
/// free slots (never leased, expired, or released by a dead or departing node) until it has its share.
/// While nodes' views of the live nodes differ (a node joined or died a moment ago) shares may overlap, but
/// a slot has one holder, so the binds open never exceed `binds`.
public enum BindLeasePlanner {
    /// The share of the node at `rank` (0-based, in id order) of `liveNodes` nodes of a link with `binds` binds.
    public static func share(binds: Int, liveNodes: Int, rank: Int, linkID: String) -> Int {
        guard binds > 0 else { return 0 }
        let nodes = max(1, liveNodes)
        let extra = binds % nodes
        let offset = Int(stableHash(linkID) % UInt64(nodes))
        let position = ((rank - offset) % nodes + nodes) % nodes
        return binds / nodes + (position < extra ? 1 : 0)
    }

    /// - Parameters:
    ///   - bindCounts: the links in service on this node and their configured binds.
    ///   - liveNodes: ids of the nodes with a live heartbeat (this one is added when missing).
    ///   - leases: leases not expired now, of every owner.
    ///   - owner: this node's id.
    public static func plan(bindCounts: [String: Int], liveNodes: [String], leases: [BindLease], owner: String) -> BindLeasePlan {
        let nodes = Set(liveNodes).union([owner]).sorted()
        let rank = nodes.firstIndex(of: owner) ?? 0
        var mine: [String: [Int]] = [:]
        var taken: Set<BindSlot> = []
        var release: [BindSlot] = []
        for lease in leases {
            if lease.owner == owner {
                if let binds = bindCounts[lease.slot.linkID], lease.slot.index < binds, lease.slot.index >= 0 {
                    mine[lease.slot.linkID, default: []].append(lease.slot.index)
                } else {
                    release.append(lease.slot)
                }
            } else {
                taken.insert(lease.slot)
            }
        }
        var request: [BindSlot] = []
        for linkID in bindCounts.keys.sorted() {
            let binds = bindCounts[linkID] ?? 0
            let target = share(binds: binds, liveNodes: nodes.count, rank: rank, linkID: linkID)
            let held = (mine[linkID] ?? []).sorted()
            request += held.prefix(target).map { BindSlot(linkID: linkID, index: $0) }
            release += held.dropFirst(target).map { BindSlot(linkID: linkID, index: $0) }
            var wanted = target - min(target, held.count)
            var index = 0
            while wanted > 0, index < binds {
                let slot = BindSlot(linkID: linkID, index: index)
                if !taken.contains(slot), !held.contains(index) {
                    request.append(slot)
                    wanted -= 1
                }
                index += 1
            }
        }
        return BindLeasePlan(request: request.sorted(), release: release.sorted())
    }

    /// FNV-1a: the same on every node and every run (Swift's `Hasher` is seeded per process).
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
