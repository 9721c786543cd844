import HeraldCore
import Numbering
import Synchronization

/// The routing engine: Herald's ``RoutePlanner``, answering from the current ``RouteTable`` and swapping
/// in a new table on reload without ever making a lookup wait for a build.
///
/// A reload compiles the new rules first, outside any lock, and only then replaces the table (a pointer
/// swap); lookups in flight finish on the table they started with. A rule set that fails validation is
/// refused and the old table stays in force.
///
/// ```swift
/// let engine = RoutingEngine(linkIDs: ["acme-de", "eu-hub"])
/// try engine.reload(rules: try RoutesFile.load(path: "routes.yaml").rules, version: 1)
/// let plan = engine.plan(for: request, linkStatuses: gateway.linkStatuses())   // the dispatcher's call
/// let dryRun = try engine.dryRun(number: "+4915123456789")                       // `herald route`, admin API
/// print(dryRun.rendered)
/// ```
public final class RoutingEngine: RoutePlanner {
    private struct State {
        var table: RouteTable
        var lastReloadError: RouteTableError?
        var linkIDs: Set<String>?
    }

    private let state: Mutex<State>

    /// - Parameters:
    ///   - table: The table to start with (``RouteTable/empty`` routes nothing until the first reload).
    ///   - linkIDs: The configured carrier links, checked on every ``reload(rules:version:)``.
    public init(table: RouteTable = .empty, linkIDs: Set<String>?) {
        self.state = Mutex(State(table: table, linkIDs: linkIDs))
    }

    /// The carrier links reloaded rules are checked against; nil to skip that check.
    public var linkIDs: Set<String>? { state.withLock { $0.linkIDs } }

    /// Changes the links later reloads are checked against (carrier links added or removed at runtime).
    /// The table in force is kept: a removed link it names is skipped as down by the dispatcher.
    public func updateLinkIDs(_ linkIDs: Set<String>?) {
        state.withLock { $0.linkIDs = linkIDs }
    }

    /// The table in force.
    public var table: RouteTable { state.withLock { $0.table } }

    /// Why the most recent reload was refused, or nil when it succeeded (or none was tried).
    public var lastReloadError: RouteTableError? { state.withLock { $0.lastReloadError } }

    // MARK: RoutePlanner

    public func plan(for request: RouteRequest, linkStatuses: [String: LinkStatus]) -> RoutePlan {
        table.plan(for: request, linkStatuses: linkStatuses)
    }

    /// The plan with its explanation (see ``RouteTable/explain(for:linkStatuses:)``).
    public func explain(for request: RouteRequest, linkStatuses: [String: LinkStatus]) -> RoutePlan {
        table.explain(for: request, linkStatuses: linkStatuses)
    }

    // MARK: Reloading

    /// Compiles `rules` and makes them the table in force.
    ///
    /// - Returns: The new table.
    /// - Throws: ``RouteTableError`` when the rules are invalid; the previous table stays in force and the
    ///   error is also kept in ``lastReloadError``.
    @discardableResult
    public func reload(rules: [RouteRule], version: Int64) throws(RouteTableError) -> RouteTable {
        let table: RouteTable
        do {
            table = try RouteTable(rules: rules, linkIDs: self.linkIDs, version: version)
        } catch {
            state.withLock { $0.lastReloadError = error }
            throw error
        }
        install(table)
        return table
    }

    /// Makes an already compiled table the one in force.
    public func install(_ table: RouteTable) {
        state.withLock {
            $0.table = table
            $0.lastReloadError = nil
        }
    }

    // MARK: Dry run

    /// Parses `number`, resolves its network and explains how the current table would route it: the
    /// function behind `herald route` and the operator API's route check.
    ///
    /// - Parameters:
    ///   - accountID: Route as this account's message (its own rules first); nil for global rules only.
    ///   - messageID: Seeds the weighted choice as for that message; nil uses the number.
    ///   - linkStatuses: Link health to assume; nil treats every link the rules name as up.
    /// - Throws: ``NumberParseError`` when `number` is not a phone number.
    public func dryRun(
        number: String, defaultRegion: String? = nil, accountID: AccountID? = nil, messageID: MessageID? = nil,
        linkStatuses: [String: LinkStatus]? = nil, numbering: NumberingPlan = .shared, networks: NetworkResolver = NetworkResolver()
    ) throws(NumberParseError) -> RouteDryRun {
        try RouteDryRun.run(
            table: table, number: number, defaultRegion: defaultRegion, accountID: accountID, messageID: messageID,
            linkStatuses: linkStatuses, numbering: numbering, networks: networks)
    }
}
