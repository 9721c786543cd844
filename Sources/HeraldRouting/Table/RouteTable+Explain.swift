import HeraldCore

extension RouteTable {
    /// The plan with its explanation; `key` seeds the weighted choice, `keyLabel` names it for the reader.
    func explain(
        e164: String, destination: Destination, accountID: AccountID?, key: String, keyLabel: String, linkStatuses: [String: LinkStatus]
    ) -> RoutePlan {
        let network = destination.mcc.flatMap { mcc in destination.mnc.flatMap { RouteKeys.network(mcc: mcc, mnc: $0) } }
        let networkText = destination.mcc.flatMap { mcc in destination.mnc.map { "\(mcc)-\($0)" } }
        let region = RouteKeys.region(destination.regionCode)
        var lines: [String] = []
        lines.append(
            "destination \(e164): region \(destination.regionCode), network \(networkText ?? "unknown")"
                + (accountID.map { ", account \($0.rawValue)" } ?? ", no account"))
        lines.append(
            "routes version \(version), \(ruleCount) rule\(ruleCount == 1 ? "" : "s"); the first matching level wins: "
                + "account prefix > account network > account country > account default > global prefix > global network > global country > global default")

        let winner = resolve(e164: e164, network: network, region: region, accountID: accountID)
        var decided = false
        func describe(_ scope: RouteScopeTable, name: String) {
            func level(_ kind: RouteMatch.Kind, _ rule: Int32?, matched what: String, otherwise: String, extra: [String] = []) {
                guard let rule else {
                    lines.append("  \(name) \(kind.rawValue): \(otherwise)")
                    return
                }
                let id = compiled[Int(rule)].rule.id
                if decided {
                    lines.append("  \(name) \(kind.rawValue): rule \"\(id)\" matches \(what) but is not used: a level above matched first")
                } else {
                    decided = true
                    lines.append("  \(name) \(kind.rawValue): rule \"\(id)\" matches \(what) -> used")
                }
                for line in extra { lines.append("    \(line)") }
            }

            let prefixes = scope.prefixes.isEmpty ? [] : scope.prefixes.allMatches(e164)
            let shorter = prefixes.dropFirst().map { "shorter prefix \(Self.digits($0.prefix)) (rule \"\(compiled[Int($0.value)].rule.id)\") also matches; the longest prefix wins" }
            level(
                .prefix, prefixes.first?.value, matched: "prefix \(prefixes.first.map { Self.digits($0.prefix) } ?? "")",
                otherwise: scope.prefixes.isEmpty ? "no prefix rules" : "no prefix rule matches \(e164)", extra: shorter)
            level(
                .network, network.flatMap { scope.networks[$0] }, matched: "network \(networkText ?? "")",
                otherwise: network == nil ? "the number's network (MCC/MNC) is unknown" : "no rule for network \(networkText ?? "")")
            level(
                .country, region.flatMap { scope.countries[$0] }, matched: "country \(destination.regionCode)",
                otherwise: "no rule for country \(destination.regionCode)")
            level(.default, scope.defaultRule >= 0 ? scope.defaultRule : nil, matched: "every destination", otherwise: "no default rule")
        }

        if let accountID {
            if let scope = accounts[accountID] {
                describe(scope, name: "account")
            } else {
                lines.append("  account: \(accountID.rawValue) has no rules of its own")
            }
        }
        describe(global, name: "global")

        guard let (index, _, _) = winner else {
            lines.append("no rule matches: the message cannot be routed (add a global default rule to route everything)")
            return RoutePlan(candidates: [], matchedRule: "none", explanation: lines)
        }
        let rule = compiled[Int(index)]
        lines.append("matched: \(rule.label)")
        switch rule.rule.mode {
        case .priority:
            lines.append("mode priority: lower priority number first; links of equal priority share traffic by weight (chosen by \(keyLabel)); backup links after the others")
        case .leastCost:
            lines.append("mode least_cost: cheapest cost per part first, then lower priority number; links equal in both share traffic by weight (chosen by \(keyLabel)); backup links after the others")
        }
        var notes: [String]? = []
        let candidates = order(rule, key: key, linkStatuses: linkStatuses, notes: &notes)
        lines += notes ?? []
        lines.append("final order:")
        for (position, candidate) in candidates.enumerated() {
            let link = rule.links.first { $0.linkID == candidate.linkID }
            let health = LinkHealth(linkStatuses[candidate.linkID])
            var flags: [String] = []
            if link?.backup == true { flags.append("backup") }
            switch health {
            case .healthy: break
            case .throttled: flags.append("throttled")
            case .down: flags.append("down")
            case .unknown: flags.append("no status")
            }
            lines.append(
                "  \(position + 1). \(candidate.linkID): priority \(candidate.priority), weight \(candidate.weight), cost \(candidate.costMicros) micros"
                    + (flags.isEmpty ? "" : " [\(flags.joined(separator: ", "))]"))
        }
        return RoutePlan(candidates: candidates, matchedRule: rule.label, explanation: lines)
    }

    /// A matched prefix without the "+" the trie includes when the number has one.
    private static func digits(_ prefix: Substring) -> Substring {
        prefix.first == "+" ? prefix.dropFirst() : prefix
    }
}
