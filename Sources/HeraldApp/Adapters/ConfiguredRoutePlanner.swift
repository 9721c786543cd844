import HeraldCore
import HeraldHTTP
import HeraldRouting

/// Routes with the operator's rules when there are any; while the route set is empty (a fresh install),
/// every link in service that can transmit is a candidate (receiver-only links never are), links that are
/// up first. Once rules exist, a destination no rule
/// matches gets no route (`no_route`), so partial rule sets never leak traffic to unintended links.
public struct ConfiguredRoutePlanner: RoutePlanner {
    public let engine: RoutingEngine
    /// The links in service now that can transmit (they change when operators add or remove links).
    public let linkIDs: @Sendable () -> [String]

    public init(engine: RoutingEngine, linkIDs: @escaping @Sendable () -> [String]) {
        self.engine = engine
        self.linkIDs = linkIDs
    }

    public func plan(for request: RouteRequest, linkStatuses: [String: LinkStatus]) -> RoutePlan {
        engine.table.ruleCount == 0
            ? AllLinksRoutePlanner(linkIDs: linkIDs()).plan(for: request, linkStatuses: linkStatuses)
            : engine.plan(for: request, linkStatuses: linkStatuses)
    }

    /// The dry run behind the admin API's route explanation, with the same fallback as ``plan(for:linkStatuses:)``.
    public func dryRun(_ query: RouteExplainQuery, linkStatuses: [String: LinkStatus]) throws -> RouteDryRun {
        var dryRun = try engine.dryRun(
            number: query.number, defaultRegion: query.region, accountID: query.accountID, messageID: query.messageID, linkStatuses: linkStatuses)
        if engine.table.ruleCount == 0 {
            let request = RouteRequest(
                accountID: query.accountID ?? AccountID(unchecked: "acc_none"), e164: dryRun.e164,
                destination: Destination(regionCode: dryRun.regionCode, countryCallingCode: dryRun.countryCallingCode, mcc: dryRun.mcc, mnc: dryRun.mnc))
            var plan = AllLinksRoutePlanner(linkIDs: linkIDs()).plan(for: request, linkStatuses: linkStatuses)
            plan.explanation.insert("no route rules are stored: every link in service is a candidate, links that are up first", at: 0)
            dryRun.plan = plan
        }
        return dryRun
    }
}
