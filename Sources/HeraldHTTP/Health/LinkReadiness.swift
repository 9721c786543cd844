import HeraldCore

/// One carrier link's health in the readiness report: whether it is up, its binds, throttling, recent
/// error rate and submit latency, and whether traffic may be routed to it.
public struct LinkReadiness: Sendable, Equatable {
    public var id: String
    public var status: LinkStatus
    /// False for receiver-only links (they bring receipts; nothing is submitted through them).
    public var transmits: Bool

    public init(id: String, status: LinkStatus, transmits: Bool = true) {
        self.id = id
        self.status = status
        self.transmits = transmits
    }
}
