/// Timing of bind leases (`cluster.bind_lease_ttl_ms`, `cluster.bind_lease_renew_ms`).
///
/// A node renews its leases every ``renewInterval``; a lease not renewed for ``ttl`` expires and another node
/// may take the slot, so a dead node's binds move to live nodes within about `ttl + renewInterval`.
public struct BindLeaseSettings: Sendable, Equatable {
    /// Allowed range of ``renewInterval``.
    public static let renewIntervalRange: ClosedRange<Duration> = .milliseconds(200) ... .seconds(10)
    /// Most a ``ttl`` may be.
    public static let maximumTTL: Duration = .seconds(120)

    public var ttl: Duration
    public var renewInterval: Duration

    public init(ttl: Duration = .seconds(5), renewInterval: Duration = .seconds(1)) {
        self.ttl = ttl
        self.renewInterval = renewInterval
    }

    /// Throws `invalid_bind_lease_settings` unless the renew interval lies in ``renewIntervalRange`` and the
    /// TTL is at least three renew intervals (so one slow round does not lose the leases) and at most
    /// ``maximumTTL``.
    public func validate() throws {
        guard Self.renewIntervalRange.contains(renewInterval) else {
            throw HeraldError.invalid(
                "invalid_bind_lease_settings", "the bind lease renew interval must be between 200 ms and 10 s", field: "cluster.bind_lease_renew_ms")
        }
        guard ttl >= renewInterval * 3, ttl <= Self.maximumTTL else {
            throw HeraldError.invalid(
                "invalid_bind_lease_settings", "the bind lease TTL must be at least 3 renew intervals and at most 120 s",
                field: "cluster.bind_lease_ttl_ms")
        }
    }
}
