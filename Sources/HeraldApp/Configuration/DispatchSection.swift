import HeraldCore

/// `dispatch:` — how this node's dispatcher works the shared queue.
///
/// ```yaml
/// dispatch:
///   lease_seconds: 60       # a claim lasts this long; a killed node's messages are taken over after it
///   max_in_flight: 400      # most messages this node has claimed and not yet written back
/// ```
///
/// A claim is not renewed: keep the lease well above the longest a claimed message can take from its
/// claim to its written result (waiting for a window slot, `response_timeout_ms` on each link of its
/// route, then the batched write of the result), or a live node's message may be taken over and
/// submitted twice.
public struct DispatchSection: Codable, Sendable, Equatable {
    /// Seconds a claim lasts (5-3600). Default 60.
    public var leaseSeconds: Int
    /// Most messages this node has claimed and not yet written back (1-10000). Default 400.
    public var maximumInFlight: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case leaseSeconds = "lease_seconds"
        case maximumInFlight = "max_in_flight"
    }

    public init(leaseSeconds: Int = 60, maximumInFlight: Int = 400) {
        self.leaseSeconds = leaseSeconds
        self.maximumInFlight = maximumInFlight
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = DispatchSection()
        self.init(
            leaseSeconds: try c.decode(.leaseSeconds, default: d.leaseSeconds),
            maximumInFlight: try c.decode(.maximumInFlight, default: d.maximumInFlight))
    }

    func validate() throws {
        guard (5...3600).contains(leaseSeconds) else { throw ConfigurationError("'dispatch.lease_seconds' must be 5-3600, got \(leaseSeconds)") }
        guard (1...10_000).contains(maximumInFlight) else {
            throw ConfigurationError("'dispatch.max_in_flight' must be 1-10000, got \(maximumInFlight)")
        }
    }

    /// The dispatcher's settings: these two, the rest at their defaults (claims never larger than the in-flight limit).
    var dispatchConfiguration: DispatchConfiguration {
        let defaults = DispatchConfiguration()
        return DispatchConfiguration(
            claimBatchSize: min(defaults.claimBatchSize, maximumInFlight), maximumInFlight: maximumInFlight, lease: .seconds(leaseSeconds))
    }
}
