import HeraldCore
import Numbering

/// An immutable, compiled set of route rules that answers "which links, in which order?" for a message.
///
/// Build it once from rules (validation collects every problem into a ``RouteTableError``), then share it
/// freely: lookups take no lock and allocate at most the candidate list. ``RoutingEngine`` holds the
/// current table and swaps in a new one on reload.
///
/// ```swift
/// let table = try RouteTable(
///     rules: [
///         RouteRule(id: "de-mobile", match: .prefix("4915"), mode: .leastCost, links: [
///             RouteLink(linkID: "acme-de", costMicros: 6500), RouteLink(linkID: "eu-hub", costMicros: 7100)]),
///         RouteRule(id: "default", match: .default, links: [RouteLink(linkID: "eu-hub")]),
///     ],
///     linkIDs: ["acme-de", "eu-hub"], version: 3)
/// let plan = table.plan(for: request, linkStatuses: gateway.linkStatuses())
/// plan.candidates.map(\.linkID)   // ["acme-de", "eu-hub"]
/// ```
///
/// Precedence (docs/routing.md): the account's own rules first (prefix, then MCC/MNC, then country, then
/// default), then the global rules in the same order; the first level with a matching rule decides.
public final class RouteTable: Sendable {
    /// The routes version the table was built from (``RouteSet/version``); 0 for a file or ad-hoc table.
    public let version: Int64
    /// The rules as given.
    public let rules: [RouteRule]
    /// The carrier links the rules were checked against; nil when they were not checked.
    public let linkIDs: Set<String>?

    let compiled: [CompiledRule]
    let global: RouteScopeTable
    let accounts: [AccountID: RouteScopeTable]

    /// A table without rules: every lookup finds no route.
    public static let empty = RouteTable(version: 0, rules: [], linkIDs: nil, compiled: [], global: .empty, accounts: [:])

    private init(version: Int64, rules: [RouteRule], linkIDs: Set<String>?, compiled: [CompiledRule], global: RouteScopeTable, accounts: [AccountID: RouteScopeTable]) {
        self.version = version
        self.rules = rules
        self.linkIDs = linkIDs
        self.compiled = compiled
        self.global = global
        self.accounts = accounts
    }

    /// Validates and compiles `rules`.
    ///
    /// - Parameters:
    ///   - linkIDs: The configured carrier links; a rule naming another link is an error. Pass nil only to
    ///     inspect a routes file on its own (the `herald route` dry run without a links list).
    ///   - version: The routes version the rules come from, reported by ``version``.
    ///   - plan: The numbering plan country rules are checked against.
    /// - Throws: ``RouteTableError`` listing every problem found.
    public convenience init(rules: [RouteRule], linkIDs: Set<String>?, version: Int64 = 0, plan: NumberingPlan = .shared) throws(RouteTableError) {
        var validator = RouteRuleValidator(linkIDs: linkIDs, plan: plan)
        var compiled: [CompiledRule] = []
        compiled.reserveCapacity(rules.count)
        var global = RouteScopeBuilder()
        var accounts: [AccountID: RouteScopeBuilder] = [:]
        for (index, rule) in rules.enumerated() {
            guard let (match, key) = validator.check(rule, at: index) else { continue }
            let position = Int32(compiled.count)
            compiled.append(CompiledRule(rule, normalizedMatch: match))
            func add(to scope: inout RouteScopeBuilder) {
                switch key {
                case .prefix(let digits): scope.prefixes.append((digits, position))
                case .network(let network): scope.networks[network] = scope.networks[network] ?? position
                case .country(let region): scope.countries[region] = scope.countries[region] ?? position
                case .default: if scope.defaultRule < 0 { scope.defaultRule = position }
                }
            }
            if let account = rule.accountID {
                add(to: &accounts[account, default: RouteScopeBuilder()])
            } else {
                add(to: &global)
            }
        }
        guard validator.issues.isEmpty else { throw RouteTableError(issues: validator.issues) }
        self.init(
            version: version, rules: rules, linkIDs: linkIDs, compiled: compiled, global: global.build(),
            accounts: accounts.mapValues { $0.build() })
    }

    /// Checks `rules` without building a table; empty when they are valid.
    public static func validate(_ rules: [RouteRule], linkIDs: Set<String>?, plan: NumberingPlan = .shared) -> [RouteValidationIssue] {
        var validator = RouteRuleValidator(linkIDs: linkIDs, plan: plan)
        for (index, rule) in rules.enumerated() { _ = validator.check(rule, at: index) }
        return validator.issues
    }

    /// Number of rules in the table.
    public var ruleCount: Int { compiled.count }

    /// Number of accounts with rules of their own.
    public var accountCount: Int { accounts.count }

    // MARK: Lookups

    /// The candidate links for `request`, best first (``RoutePlanner``'s contract), without explanation.
    ///
    /// The plan is empty (and ``RoutePlan/matchedRule`` is `none`) when no rule matches.
    public func plan(for request: RouteRequest, linkStatuses: [String: LinkStatus]) -> RoutePlan {
        let network = request.destination.mcc.flatMap { mcc in request.destination.mnc.flatMap { RouteKeys.network(mcc: mcc, mnc: $0) } }
        let region = RouteKeys.region(request.destination.regionCode)
        guard let (index, _, _) = resolve(e164: request.e164, network: network, region: region, accountID: request.accountID) else {
            return RoutePlan(candidates: [], matchedRule: "none", explanation: [])
        }
        let rule = compiled[Int(index)]
        var notes: [String]? = nil
        let candidates = order(rule, key: request.messageID?.rawValue ?? request.e164, linkStatuses: linkStatuses, notes: &notes)
        return RoutePlan(candidates: candidates, matchedRule: rule.label, explanation: [])
    }

    /// The same plan as ``plan(for:linkStatuses:)``, with ``RoutePlan/explanation`` saying which rule
    /// matched and why the others did not, which links were moved and why, and the final order.
    public func explain(for request: RouteRequest, linkStatuses: [String: LinkStatus]) -> RoutePlan {
        explain(
            e164: request.e164, destination: request.destination, accountID: request.accountID,
            key: request.messageID?.rawValue ?? request.e164, keyLabel: request.messageID.map { "message \($0.rawValue)" } ?? "the destination number",
            linkStatuses: linkStatuses)
    }

    /// The most specific matching rule: the account's scope first, then the global one.
    @inline(__always)
    func resolve(e164: String, network: UInt32?, region: UInt32?, accountID: AccountID?) -> (Int32, RouteMatch.Kind, isAccount: Bool)? {
        if !accounts.isEmpty, let accountID, let scope = accounts[accountID],
            let (rule, kind) = scope.resolve(e164: e164, network: network, region: region)
        {
            return (rule, kind, true)
        }
        return global.resolve(e164: e164, network: network, region: region).map { ($0.rule, $0.kind, false) }
    }

    // MARK: Ordering

    /// Orders a rule's links for one message: static rank, weighted choice within equal ranks (seeded by
    /// `key`), then healthy links before throttled ones before down or unknown ones. Writes reasons to
    /// `notes` when it is not nil.
    func order(_ rule: CompiledRule, key: String, linkStatuses: [String: LinkStatus], notes: inout [String]?) -> [RouteCandidate] {
        let links = rule.links
        let count = links.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { health in
            var allHealthy = true
            for index in 0..<count {
                let tier = LinkHealth(linkStatuses[links[index].linkID]).tier
                health[index] = tier
                if tier != 0 { allHealthy = false }
            }
            if allHealthy, rule.groups.isEmpty, notes == nil { return rule.staticCandidates }

            return withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { order in
                for index in 0..<count { order[index] = index }
                if !rule.groups.isEmpty {
                    var random = RouteHash(key: key)
                    for group in rule.groups {
                        Self.weightedShuffle(order, group: group, links: links, random: &random)
                        if notes != nil {
                            let among = (group.start..<group.end).map { "\(links[$0].linkID) (weight \(links[$0].weight))" }.joined(separator: ", ")
                            let chosen = (group.start..<group.end).map { links[order[$0]].linkID }.joined(separator: ", ")
                            notes?.append("weighted choice among \(among): \(chosen)")
                        }
                    }
                }
                var result: [RouteCandidate] = []
                result.reserveCapacity(count)
                for tier: UInt8 in 0...2 {
                    for position in 0..<count where health[order[position]] == tier {
                        result.append(links[order[position]].candidate)
                    }
                }
                if notes != nil {
                    for position in 0..<count where health[order[position]] != 0 {
                        let link = links[order[position]]
                        notes?.append("link \(link.linkID): \(LinkHealth(linkStatuses[link.linkID]).reason)")
                    }
                }
                return result
            }
        }
    }

    /// Orders `order[group.start..<group.end]` by successive weighted draws without replacement, so the
    /// chance of a link coming first is its share of the group's weight. Keeps the others' relative order.
    private static func weightedShuffle(_ order: UnsafeMutableBufferPointer<Int>, group: LinkGroup, links: [CompiledLink], random: inout RouteHash) {
        var position = group.start
        while position < group.end - 1 {
            var total: UInt64 = 0
            for index in position..<group.end { total += links[order[index]].weight }
            var draw = random.next(below: total)
            var pick = position
            for index in position..<group.end {
                let weight = links[order[index]].weight
                if draw < weight {
                    pick = index
                    break
                }
                draw -= weight
            }
            let chosen = order[pick]
            var index = pick
            while index > position {
                order[index] = order[index - 1]
                index -= 1
            }
            order[position] = chosen
            position += 1
        }
    }
}
