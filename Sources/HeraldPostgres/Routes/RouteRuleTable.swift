import HeraldCore
import PostgresNIO

/// Column mapping of ``RouteRule`` to `route_rules` and its links to `route_rule_links`. The match is stored
/// as kind and value (`prefix`/`4915`, `network`/`262-01`, `country`/`DE`, `default`/`default`) exactly as
/// written, so invalid rules round-trip for the engine to report.
enum RouteRuleTable {
    static let insertRule = """
        INSERT INTO route_rules (position, rule_id, account_id, match_kind, match_value, mode, note) VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    static let insertLink = """
        INSERT INTO route_rule_links (rule_position, position, link_id, priority, weight, cost_micros, backup) VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    static let selectRules = "SELECT position, rule_id, account_id, match_kind, match_value, mode, note FROM route_rules ORDER BY position"
    static let selectLinks = """
        SELECT rule_position, link_id, priority, weight, cost_micros, backup FROM route_rule_links ORDER BY rule_position, position
        """

    static func insert(_ rules: [RouteRule], in tx: PostgresTransaction) async throws {
        for (position, rule) in rules.enumerated() {
            try await tx.execute(insertRule, [
                position, rule.id, rule.accountID?.rawValue, rule.match.kind.rawValue, rule.match.value, rule.mode.rawValue, rule.note,
            ])
            for (linkPosition, link) in rule.links.enumerated() {
                try await tx.execute(insertLink, [position, linkPosition, link.linkID, link.priority, link.weight, link.costMicros, link.backup])
            }
        }
    }

    static func load(from tx: PostgresTransaction) async throws -> [RouteRule] {
        var rules: [RouteRule] = []
        var positions: [Int: Int] = [:]
        for row in try await tx.rows(selectRules) {
            var r = PostgresRowReader(row)
            let position = try r.int()
            let id = try r.next(String.self)
            let account = try r.next(String?.self)
            let kind = try r.enumeration(RouteMatch.Kind.self, "route match kind")
            let value = try r.next(String.self)
            let mode = try r.enumeration(RouteMode.self, "route mode")
            let note = try r.next(String?.self)
            let accountID: AccountID?
            if let account {
                guard let parsed = AccountID(account) else { throw PostgresStoreError.corrupt("route rule account", account) }
                accountID = parsed
            } else {
                accountID = nil
            }
            positions[position] = rules.count
            rules.append(RouteRule(id: id, accountID: accountID, match: match(kind, value), mode: mode, links: [], note: note))
        }
        for row in try await tx.rows(selectLinks) {
            var r = PostgresRowReader(row)
            let position = try r.int()
            guard let index = positions[position] else { throw PostgresStoreError.corrupt("route link rule position", "\(position)") }
            rules[index].links.append(RouteLink(
                linkID: try r.next(String.self), priority: try r.int(), weight: try r.int(), costMicros: try r.next(Int64.self),
                backup: try r.next(Bool.self)))
        }
        return rules
    }

    private static func match(_ kind: RouteMatch.Kind, _ value: String) -> RouteMatch {
        switch kind {
        case .prefix: return .prefix(value)
        case .network:
            let parts = value.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            return .network(mcc: String(parts.first ?? ""), mnc: parts.count > 1 ? String(parts[1]) : "")
        case .country: return .country(value)
        case .default: return .default
        }
    }
}
