import HeraldCore
import HeraldRouting

/// Routes with the operator's rules when there are any; while the route set is empty (a fresh install),
/// every configured link that can transmit is a candidate (receiver-only links never are), links that are
/// up first. Once rules exist, a destination no rule
/// matches gets no route (`no_route`), so partial rule sets never leak traffic to unintended links.
public struct ConfiguredRoutePlanner: RoutePlanner {
    public let engine: RoutingEngine
    public let fallback: AllLinksRoutePlanner

    public init(engine: RoutingEngine, linkIDs: [String]) {
        self.engine = engine
        self.fallback = AllLinksRoutePlanner(linkIDs: linkIDs)
    }

    public func plan(for request: RouteRequest, linkStatuses: [String: LinkStatus]) -> RoutePlan {
        engine.table.ruleCount == 0 ? fallback.plan(for: request, linkStatuses: linkStatuses) : engine.plan(for: request, linkStatuses: linkStatuses)
    }
}
