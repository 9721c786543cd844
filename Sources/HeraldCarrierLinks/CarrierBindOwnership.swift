/// Who decides which binds of a link the SMPP carrier gateway opens.
public enum CarrierBindOwnership: Sendable, Equatable {
    /// Every configured bind of a link opens when the link is put into service (one node, tests).
    case allBinds
    /// A link opens no bind by itself; the bind-lease coordinator opens those this node holds leases for
    /// (``SMPPCarrierGateway/setOpenBinds(_:of:)``). A link without an open bind here is not routed to from
    /// this node: submissions are handed back for later (`link_not_held`), without counting an attempt.
    case leased
}
