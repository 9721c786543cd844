import HeraldCore

/// `cluster:` — how nodes sharing one PostgreSQL database divide the carrier binds (see docs/cluster.md).
/// With SQLite the node is alone and holds every bind, through the same leases.
public struct ClusterSection: Codable, Sendable, Equatable {
    /// How long a bind lease lasts unless renewed (1 000–120 000 ms, at least 3 renew intervals; default 5 000).
    /// A dead node's binds move to live nodes after about this long.
    public var bindLeaseTTLMilliseconds: Int
    /// How often a node renews its leases and heartbeat (200–10 000 ms, default 1 000).
    public var bindLeaseRenewMilliseconds: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case bindLeaseTTLMilliseconds = "bind_lease_ttl_ms"
        case bindLeaseRenewMilliseconds = "bind_lease_renew_ms"
    }

    public init(bindLeaseTTLMilliseconds: Int = 5000, bindLeaseRenewMilliseconds: Int = 1000) {
        self.bindLeaseTTLMilliseconds = bindLeaseTTLMilliseconds
        self.bindLeaseRenewMilliseconds = bindLeaseRenewMilliseconds
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ClusterSection()
        self.init(
            bindLeaseTTLMilliseconds: try c.decode(.bindLeaseTTLMilliseconds, default: d.bindLeaseTTLMilliseconds),
            bindLeaseRenewMilliseconds: try c.decode(.bindLeaseRenewMilliseconds, default: d.bindLeaseRenewMilliseconds))
    }

    /// The lease timing the coordinator runs with.
    public var bindLeaseSettings: BindLeaseSettings {
        BindLeaseSettings(ttl: .milliseconds(bindLeaseTTLMilliseconds), renewInterval: .milliseconds(bindLeaseRenewMilliseconds))
    }

    func validate() throws {
        guard (200...10_000).contains(bindLeaseRenewMilliseconds) else {
            throw ConfigurationError("'cluster.bind_lease_renew_ms' must be between 200 and 10000, got \(bindLeaseRenewMilliseconds)")
        }
        guard (1000...120_000).contains(bindLeaseTTLMilliseconds), bindLeaseTTLMilliseconds >= 3 * bindLeaseRenewMilliseconds else {
            throw ConfigurationError(
                "'cluster.bind_lease_ttl_ms' must be between 1000 and 120000 and at least 3 × 'cluster.bind_lease_renew_ms', got \(bindLeaseTTLMilliseconds)")
        }
    }
}
