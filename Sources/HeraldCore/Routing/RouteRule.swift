/// A routing rule: which destinations it matches, for which accounts, and the carrier links to use.
///
/// Rules are plain data; the routing engine (module `HeraldRouting`) validates a rule set and compiles
/// it into a lookup table. A rule scoped to an account (``accountID`` set) wins over every global rule
/// (precedence in docs/routing.md).
///
/// ```swift
/// let rule = RouteRule(
///     id: "de-mobile", match: .prefix("4915"), mode: .leastCost,
///     links: [RouteLink(linkID: "acme-de", costMicros: 6500), RouteLink(linkID: "eu-hub", costMicros: 7100)])
/// ```
///
/// In a routes file (YAML or JSON) a rule names exactly one of `prefix`, `network`, `country` or
/// `default: true`:
///
/// ```yaml
/// - id: de-mobile
///   prefix: "4915"
///   mode: least_cost
///   links:
///     - { link: acme-de, cost_micros: 6500 }
///     - { link: eu-hub, cost_micros: 7100 }
/// ```
public struct RouteRule: Sendable, Hashable, Codable {
    /// Unique name of the rule, shown in explanations and audit events.
    public var id: String
    /// The account the rule applies to; `nil` for a global rule.
    public var accountID: AccountID?
    public var match: RouteMatch
    public var mode: RouteMode
    /// The links the rule may use; ordered by the engine according to ``mode``.
    public var links: [RouteLink]
    /// Free text for operators.
    public var note: String?

    public init(id: String, accountID: AccountID? = nil, match: RouteMatch, mode: RouteMode = .priority, links: [RouteLink], note: String? = nil) {
        self.id = id
        self.accountID = accountID
        self.match = match
        self.mode = mode
        self.links = links
        self.note = note
    }

    /// `global` or the account id.
    public var scopeLabel: String { accountID.map { "account \($0.rawValue)" } ?? "global" }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id
        case accountID = "account"
        case prefix, network, country
        case isDefault = "default"
        case mode, links, note
    }

    private static let knownKeys = Set(CodingKeys.allCases.map(\.stringValue))

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownRouteKeys(known: Self.knownKeys)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        if let account = try container.decodeIfPresent(String.self, forKey: .accountID) {
            guard let accountID = AccountID(account) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .accountID, in: container, debugDescription: "rule \"\(id)\": account \"\(account)\" is not an account id (acc_…)")
            }
            self.accountID = accountID
        } else {
            accountID = nil
        }
        var matches: [RouteMatch] = []
        if let prefix = try container.decodeTextOrInteger(forKey: .prefix) { matches.append(.prefix(prefix)) }
        if let network = try container.decodeIfPresent(String.self, forKey: .network) {
            let parts = network.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            matches.append(.network(mcc: String(parts[0]), mnc: parts.count > 1 ? String(parts[1]) : ""))
        }
        if let country = try container.decodeIfPresent(String.self, forKey: .country) { matches.append(.country(country)) }
        if let isDefault = try container.decodeIfPresent(Bool.self, forKey: .isDefault), isDefault { matches.append(.default) }
        guard matches.count == 1, let match = matches.first else {
            let found = matches.isEmpty ? "none" : matches.map(\.kind.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "rule \"\(id)\" must name exactly one of prefix, network, country or default: true (found: \(found))"))
        }
        self.match = match
        mode = try container.decodeIfPresent(RouteMode.self, forKey: .mode) ?? .priority
        links = try container.decodeIfPresent([RouteLink].self, forKey: .links) ?? []
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(accountID?.rawValue, forKey: .accountID)
        switch match {
        case .prefix(let digits): try container.encode(digits, forKey: .prefix)
        case .network: try container.encode(match.value, forKey: .network)
        case .country(let region): try container.encode(region, forKey: .country)
        case .default: try container.encode(true, forKey: .isDefault)
        }
        try container.encode(mode, forKey: .mode)
        try container.encode(links, forKey: .links)
        try container.encodeIfPresent(note, forKey: .note)
    }
}
