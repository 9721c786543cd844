import HeraldCore
import HeraldRouting

/// The answer of `GET /v1/admin/routes/explain`: the parsed number, its network, and the route the
/// gateway would take with the links' live health, with the reasoning.
public struct RouteExplanationResource: Sendable, Encodable {
    public var object = "route_explanation"
    public var input: String
    public var e164: String
    public var country: String
    public var countryCallingCode: Int
    public var numberType: String
    public var validNumber: Bool
    public var network: String?
    public var networkName: String?
    public var networkSource: String?
    public var accountID: String?
    public var linkHealth: String
    public var routesVersion: Int64
    public var matchedRule: String
    public var candidates: [Candidate]
    public var explanation: [String]

    public struct Candidate: Sendable, Encodable {
        public var linkID: String
        public var priority: Int
        public var weight: Int
        public var costMicros: Int64

        enum CodingKeys: String, CodingKey {
            case linkID = "link_id"
            case priority, weight
            case costMicros = "cost_micros"
        }
    }

    enum CodingKeys: String, CodingKey {
        case object, input, e164, country
        case countryCallingCode = "country_calling_code"
        case numberType = "number_type"
        case validNumber = "valid_number"
        case network
        case networkName = "network_name"
        case networkSource = "network_source"
        case accountID = "account_id"
        case linkHealth = "link_health"
        case routesVersion = "routes_version"
        case matchedRule = "matched_rule"
        case candidates, explanation
    }

    public init(_ dryRun: RouteDryRun) {
        input = dryRun.input
        e164 = dryRun.e164
        country = dryRun.regionCode
        countryCallingCode = dryRun.countryCallingCode
        numberType = dryRun.numberType
        validNumber = dryRun.isValidNumber
        network = dryRun.mcc.flatMap { mcc in dryRun.mnc.map { "\(mcc)-\($0)" } }
        networkName = dryRun.networkName
        networkSource = dryRun.networkSource
        accountID = dryRun.accountID?.rawValue
        linkHealth = dryRun.linkHealth
        routesVersion = dryRun.routesVersion
        matchedRule = dryRun.plan.matchedRule
        candidates = dryRun.plan.candidates.map {
            Candidate(linkID: $0.linkID, priority: $0.priority, weight: $0.weight, costMicros: $0.costMicros)
        }
        explanation = dryRun.plan.explanation
    }
}
