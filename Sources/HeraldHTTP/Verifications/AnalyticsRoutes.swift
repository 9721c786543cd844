import HeraldCore
import Hummingbird

/// Verification analytics, authenticated by API key.
///
/// - `GET /v1/analytics/verifications?from=&to=&group_by=country|prefix`: verifications started, SMS sent,
///   approvals and conversion (approved ÷ started) per destination country or number range, over
///   `[from, to)` (RFC 3339; default: the 30 days up to now; at most 366 days), by verification creation time.
public struct AnalyticsRoutes: HeraldRouteGroup {
    public static let basePath = "/v1/analytics"
    public static let parameterNames: Set<String> = ["from", "to", "group_by"]
    public static let defaultPeriod: Duration = .seconds(30 * 86_400)

    public let verifications: VerificationService

    public init(verifications: VerificationService) {
        self.verifications = verifications
    }

    public func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices) {
        let verifications = self.verifications
        let clock = services.clock
        let group = router.group(RouterPath(Self.basePath)).add(middleware: APIKeyAuthenticationMiddleware(accounts: services.accounts))

        group.get("verifications") { request, context in
            let query = try Self.query(
                parameters: request.uri.queryParameters.map { (key: String($0.key), value: String($0.value)) },
                accountID: context.requireAccount().id, now: clock.now())
            return try JSONResponse.encode(try await verifications.statistics(query))
        }
    }

    /// Parses the query parameters (each at most once; unknown ones refused).
    public static func query(parameters: some Sequence<(key: String, value: String)>, accountID: AccountID, now: Timestamp) throws -> VerificationStatisticsQuery {
        var from: Timestamp?
        var to: Timestamp?
        var grouping = VerificationStatisticsGrouping.country
        var seen: Set<String> = []
        for (name, value) in parameters {
            guard parameterNames.contains(name) else {
                throw HTTPProblem.invalidParameter(name, "'\(name.prefix(64))' is not a query parameter of this endpoint; known: \(parameterNames.sorted().joined(separator: ", "))")
            }
            guard seen.insert(name).inserted else { throw HTTPProblem.invalidParameter(name, "'\(name)' may be given only once") }
            switch name {
            case "group_by":
                guard let value = VerificationStatisticsGrouping(rawValue: value) else {
                    throw HTTPProblem.invalidParameter(name, "'group_by' must be one of: \(VerificationStatisticsGrouping.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                grouping = value
            default:
                guard let time = Timestamp(iso8601: value) else {
                    throw HTTPProblem.invalidParameter(name, "'\(name)' must be an RFC 3339 date-time such as 2026-01-31T12:00:00Z")
                }
                if name == "from" { from = time } else { to = time }
            }
        }
        let end = to ?? now
        return VerificationStatisticsQuery(accountID: accountID, from: from ?? end.adding(.zero - defaultPeriod), to: end, groupBy: grouping)
    }
}
