/// Port: chooses the carrier links a message may go over, best first.
///
/// The routing engine (rules by MCC/MNC, country, prefix, per-account overrides) implements it; the
/// dispatcher walks the candidates in order, failing over on link-level errors.
public protocol RoutePlanner: Sendable {
    func plan(for request: RouteRequest, linkStatuses: [String: LinkStatus]) -> RoutePlan
}

/// What routing knows about a message.
public struct RouteRequest: Sendable, Equatable {
    public var accountID: AccountID
    public var e164: String
    public var destination: Destination
    /// The message being routed. The weighted choice among equally ranked links is derived from it, so
    /// every retry of one message sees the same order; without it the destination number is used.
    public var messageID: MessageID?

    public init(accountID: AccountID, e164: String, destination: Destination, messageID: MessageID? = nil) {
        self.accountID = accountID
        self.e164 = e164
        self.destination = destination
        self.messageID = messageID
    }
}

/// The decision: candidate links in the order to try, and why.
public struct RoutePlan: Sendable, Equatable, Codable {
    public var candidates: [RouteCandidate]
    /// The rule that matched, e.g. `prefix 4915 (rule r-17)` or `default`.
    public var matchedRule: String
    /// Human-readable reasoning steps, for the dry-run explanation.
    public var explanation: [String]

    public init(candidates: [RouteCandidate], matchedRule: String, explanation: [String]) {
        self.candidates = candidates
        self.matchedRule = matchedRule
        self.explanation = explanation
    }
}

/// One link a message may use.
public struct RouteCandidate: Sendable, Equatable, Codable {
    public var linkID: String
    public var priority: Int
    public var weight: Int
    /// Cost per part in micro-units of the billing currency.
    public var costMicros: Int64

    public init(linkID: String, priority: Int = 0, weight: Int = 1, costMicros: Int64 = 0) {
        self.linkID = linkID
        self.priority = priority
        self.weight = weight
        self.costMicros = costMicros
    }
}

/// The simplest planner: every configured link, in configuration order, links that are up first.
public struct AllLinksRoutePlanner: RoutePlanner {
    public let linkIDs: [String]

    public init(linkIDs: [String]) {
        self.linkIDs = linkIDs
    }

    public func plan(for request: RouteRequest, linkStatuses: [String: LinkStatus]) -> RoutePlan {
        let up = linkIDs.filter { linkStatuses[$0]?.isUp ?? false }
        let down = linkIDs.filter { !(linkStatuses[$0]?.isUp ?? false) }
        return RoutePlan(
            candidates: (up + down).enumerated().map { RouteCandidate(linkID: $1, priority: $0) },
            matchedRule: "default",
            explanation: ["default route: all links, \(up.count) up first"]
        )
    }
}
