/// Timing of bind leases (`cluster.bind_lease_ttl_ms`, `cluster.bind_lease_renew_ms`; the configuration
/// checks their limits).
///
/// A node renews its leases every ``renewInterval``; a lease not renewed for ``ttl`` expires and another node
/// may take the slot, so a dead node's binds move to live nodes within about `ttl + renewInterval`. The TTL
/// should be at least three renew intervals, so one slow round does not lose the leases.
public struct BindLeaseSettings: Sendable, Equatable {
    public var ttl: Duration
    public var renewInterval: Duration

    public init(ttl: Duration = .seconds(5), renewInterval: Duration = .seconds(1)) {
        self.ttl = ttl
        self.renewInterval = renewInterval
    }
}
