import HeraldCore

/// The answer of the readiness probe: named checks that each pass or fail. Ready when all pass.
///
/// ```swift
/// ReadinessReport(checks: [.init(name: "store", isPassing: true)]).isReady  // true
/// ```
public struct ReadinessReport: Sendable, Equatable {
    /// One dependency's state.
    public struct Check: Sendable, Equatable {
        /// Stable snake_case name, e.g. `store`, `carrier_links`.
        public var name: String
        public var isPassing: Bool
        /// A short human explanation (never secrets), e.g. `1 of 2 links up`.
        public var detail: String?

        public init(name: String, isPassing: Bool, detail: String? = nil) {
            self.name = name
            self.isPassing = isPassing
            self.detail = detail
        }
    }

    public var checks: [Check]
    /// Every carrier link's health, for operators (a link being down alone does not fail readiness).
    public var links: [LinkReadiness]

    public init(checks: [Check], links: [LinkReadiness] = []) {
        self.checks = checks
        self.links = links
    }

    public var isReady: Bool { checks.allSatisfy(\.isPassing) }

    /// Herald's standard report: the store answers, and at least one carrier link that can transmit is up
    /// (a node with no such link cannot send and is not ready). `transmitting` names the links traffic may
    /// be routed to; `nil` means all of them (receiver-only links are left out).
    public static func standard(storeReachable: Bool, carrierLinks: [String: LinkStatus], transmitting: Set<String>? = nil) -> ReadinessReport {
        let senders = carrierLinks.filter { transmitting?.contains($0.key) ?? true }
        let up = senders.values.filter(\.isUp).count
        let links = carrierLinks.sorted { $0.key < $1.key }.map { id, status in
            LinkReadiness(id: id, status: status, transmits: transmitting?.contains(id) ?? true)
        }
        return ReadinessReport(checks: [
            Check(name: "store", isPassing: storeReachable, detail: storeReachable ? nil : "the store did not answer"),
            Check(name: "carrier_links", isPassing: up > 0, detail: "\(up) of \(senders.count) sending links up"),
        ], links: links)
    }
}
