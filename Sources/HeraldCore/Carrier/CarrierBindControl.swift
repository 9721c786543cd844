/// Port: opening and closing the individual binds of carrier links, for the bind-lease coordinator.
///
/// Implemented by the SMPP carrier gateway when its binds are owned through leases (see
/// ``BindLeaseCoordinator``): a link in service then opens only the binds it is told to.
public protocol CarrierBindControl: Sendable {
    /// The links in service and how many binds each is configured with.
    func configuredBindCounts() -> [String: Int]

    /// The bind positions of `linkID` that are open (connecting, bound or reconnecting) on this node.
    func openBinds(of linkID: String) -> Set<Int>

    /// Opens the binds of `linkID` at `indexes` that are not open and closes the others (draining their
    /// outstanding submissions first; returns once they are closed). Indexes outside the link's binds and
    /// unknown links are ignored.
    func setOpenBinds(_ indexes: Set<Int>, of linkID: String) async
}
