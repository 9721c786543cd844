/// The right of one node to keep one bind of a carrier link open, until ``expiresAt`` unless renewed.
public struct BindLease: Sendable, Equatable {
    public var slot: BindSlot
    /// The node id of the holder.
    public var owner: String
    public var expiresAt: Timestamp

    public init(slot: BindSlot, owner: String, expiresAt: Timestamp) {
        self.slot = slot
        self.owner = owner
        self.expiresAt = expiresAt
    }
}
