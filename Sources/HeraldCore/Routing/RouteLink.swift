/// One carrier link a route rule may send over, with its place in the rule's order.
///
/// ```yaml
/// links:
///   - link: acme-de        # a carrier link id from the configuration
///     priority: 1          # lower is tried first (default 1)
///     weight: 3            # traffic share among links of equal rank (default 1; 0 = only after the others)
///     cost_micros: 6500    # price per SMS part in millionths of the billing currency (default 0)
///     backup: false        # backup links are tried only after every other link of the rule (default false)
/// ```
public struct RouteLink: Sendable, Hashable, Codable {
    /// The carrier link's id (as in the `carriers` configuration).
    public var linkID: String
    /// Lower numbers are tried first.
    public var priority: Int
    /// Relative traffic share among links of equal rank; 0 means "only after the weighted links".
    public var weight: Int
    /// Cost per SMS part in micro-units of the billing currency.
    public var costMicros: Int64
    /// Tried only after every non-backup link of the rule.
    public var backup: Bool

    public init(linkID: String, priority: Int = 1, weight: Int = 1, costMicros: Int64 = 0, backup: Bool = false) {
        self.linkID = linkID
        self.priority = priority
        self.weight = weight
        self.costMicros = costMicros
        self.backup = backup
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case linkID = "link"
        case priority, weight
        case costMicros = "cost_micros"
        case backup
    }

    private static let knownKeys = Set(CodingKeys.allCases.map(\.stringValue))

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownRouteKeys(known: Self.knownKeys)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        linkID = try container.decode(String.self, forKey: .linkID)
        priority = try container.decodeIfPresent(Int.self, forKey: .priority) ?? 1
        weight = try container.decodeIfPresent(Int.self, forKey: .weight) ?? 1
        costMicros = try container.decodeIfPresent(Int64.self, forKey: .costMicros) ?? 0
        backup = try container.decodeIfPresent(Bool.self, forKey: .backup) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(linkID, forKey: .linkID)
        try container.encode(priority, forKey: .priority)
        try container.encode(weight, forKey: .weight)
        try container.encode(costMicros, forKey: .costMicros)
        if backup { try container.encode(true, forKey: .backup) }
    }
}
