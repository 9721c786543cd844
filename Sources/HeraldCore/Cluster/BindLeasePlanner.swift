/// Decides which bind slots a node should hold: pure logic over the live leases, the links' bind counts and
/// the number of live nodes.
///
/// A node's share of a link with `binds` binds is `ceil(binds / liveNodes)`. It keeps the slots it holds up
/// to its share (the lowest positions), releases the rest, and asks for free slots (never leased, expired, or
/// released by a dead or departing node) until it has its share. With 3 nodes and 4 binds each node aims
/// at 2, so the binds end up 2 + 2 + 0 or 2 + 1 + 1: never more than 4 in all, since a slot has one holder.
public enum BindLeasePlanner {
    /// The share of one node of a link with `binds` binds when `liveNodes` nodes run.
    public static func share(binds: Int, liveNodes: Int) -> Int {
        guard binds > 0 else { return 0 }
        let nodes = max(1, liveNodes)
        return (binds + nodes - 1) / nodes
    }

    /// - Parameters:
    ///   - bindCounts: the links in service on this node and their configured binds.
    ///   - liveNodes: nodes with a live heartbeat (this one included; at least 1 is assumed).
    ///   - leases: leases not expired now, of every owner.
    ///   - owner: this node's id.
    public static func plan(bindCounts: [String: Int], liveNodes: Int, leases: [BindLease], owner: String) -> BindLeasePlan {
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
            let target = share(binds: binds, liveNodes: liveNodes)
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
}
