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

    public init(checks: [Check]) {
        self.checks = checks
    }

    public var isReady: Bool { checks.allSatisfy(\.isPassing) }

    /// Herald's standard report: the store answers, and at least one configured carrier link is up
    /// (a node with no carrier links configured cannot send and is not ready).
    public static func standard(storeReachable: Bool, carrierLinks: [String: LinkStatus]) -> ReadinessReport {
        let up = carrierLinks.values.filter(\.isUp).count
        return ReadinessReport(checks: [
            Check(name: "store", isPassing: storeReachable, detail: storeReachable ? nil : "the store did not answer"),
            Check(name: "carrier_links", isPassing: up > 0, detail: "\(up) of \(carrierLinks.count) links up"),
        ])
    }
}
