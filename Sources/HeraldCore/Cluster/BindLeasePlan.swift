/// What a node does with bind leases in one round (see ``BindLeasePlanner``).
public struct BindLeasePlan: Sendable, Equatable {
    /// Slots to renew (held already) or to acquire (free or expired), in slot order.
    public var request: [BindSlot]
    /// Slots held beyond this node's share, or of links (or bind positions) no longer in service: close the
    /// bind, then release the lease.
    public var release: [BindSlot]

    public init(request: [BindSlot], release: [BindSlot]) {
        self.request = request
        self.release = release
    }
}
