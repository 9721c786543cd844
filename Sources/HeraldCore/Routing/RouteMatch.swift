/// What a route rule matches: a number prefix, a mobile network, a country, or everything.
///
/// In order of specificity (most specific first): ``prefix(_:)``, ``network(mcc:mnc:)``, ``country(_:)``,
/// ``default``. The routing engine picks the most specific matching rule (see docs/routing.md).
///
/// ```swift
/// let match = RouteMatch.prefix("4915")             // E.164 digits without "+"
/// let vodafone = RouteMatch.network(mcc: "262", mnc: "02")
/// let germany = RouteMatch.country("DE")
/// ```
public enum RouteMatch: Sendable, Hashable {
    /// E.164 digits without the leading "+" (1 to 15 digits); the longest matching prefix wins.
    case prefix(String)
    /// A mobile network by MCC (3 digits) and MNC (2 or 3 digits, leading zeros significant: "01" ≠ "001").
    case network(mcc: String, mnc: String)
    /// An ISO 3166-1 alpha-2 region as Numbering resolves it (`DE`, `GB`), or `001` for non-geographic numbers.
    case country(String)
    /// Every destination.
    case `default`

    /// The match's kind, most specific first.
    public var kind: Kind {
        switch self {
        case .prefix: .prefix
        case .network: .network
        case .country: .country
        case .default: .default
        }
    }

    /// The kinds of match, in order of specificity (most specific first).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        case prefix
        case network
        case country
        case `default`

        /// The rank of the kind: 0 for the most specific (prefix), 3 for default.
        public var rank: Int {
            switch self {
            case .prefix: 0
            case .network: 1
            case .country: 2
            case .default: 3
            }
        }

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rank < rhs.rank }
    }

    /// The matched value as written in a routes file: `4915`, `262-01`, `DE`, or `default`.
    public var value: String {
        switch self {
        case .prefix(let digits): digits
        case .network(let mcc, let mnc): mnc.isEmpty ? mcc : "\(mcc)-\(mnc)"
        case .country(let region): region
        case .default: "default"
        }
    }

    /// `prefix 4915`, `network 262-01`, `country DE` or `default`.
    public var label: String {
        switch self {
        case .default: "default"
        default: "\(kind.rawValue) \(value)"
        }
    }
}
