import HeraldCore

/// A validated rule prepared for lookups: links sorted by their static rank, the runs that need a
/// weighted choice marked, and the label and candidate list built once.
///
/// A class so a lookup retains one reference instead of copying a struct of many.
final class CompiledRule: Sendable {
    let rule: RouteRule
    /// `global prefix 4915 (rule de-mobile)`.
    let label: String
    /// In static order: non-backup before backup; then by priority (mode `priority`) or by cost then
    /// priority (mode `least_cost`); zero-weight links after weighted ones of the same rank; then as written.
    let links: [CompiledLink]
    /// The candidates in static order, handed out as they are when no choice or health change applies.
    let staticCandidates: [RouteCandidate]
    /// Runs of two or more equally ranked, weighted links.
    let groups: [LinkGroup]

    init(_ rule: RouteRule, normalizedMatch: RouteMatch) {
        self.rule = rule
        label = "\(rule.scopeLabel) \(normalizedMatch.label) (rule \(rule.id))"
        let mode = rule.mode
        let sorted = rule.links.enumerated().sorted { lhs, rhs in
            Self.rank(lhs.element, mode: mode, position: lhs.offset) < Self.rank(rhs.element, mode: mode, position: rhs.offset)
        }.map(\.element)
        links = sorted.map(CompiledLink.init)
        staticCandidates = links.map(\.candidate)

        var groups: [LinkGroup] = []
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, Self.sameRank(sorted[start], sorted[end], mode: mode) { end += 1 }
            let weighted = sorted[start..<end].prefix { $0.weight > 0 }.count
            if weighted >= 2 { groups.append(LinkGroup(start: start, end: start + weighted)) }
            start = end
        }
        self.groups = groups
    }

    private struct Rank: Comparable {
        var backup: Int
        var cost: Int64
        var priority: Int
        var zeroWeight: Int
        var position: Int

        static func < (lhs: Rank, rhs: Rank) -> Bool {
            (lhs.backup, lhs.cost, lhs.priority, lhs.zeroWeight, lhs.position) < (rhs.backup, rhs.cost, rhs.priority, rhs.zeroWeight, rhs.position)
        }
    }

    private static func rank(_ link: RouteLink, mode: RouteMode, position: Int) -> Rank {
        Rank(
            backup: link.backup ? 1 : 0, cost: mode == .leastCost ? link.costMicros : 0, priority: link.priority,
            zeroWeight: link.weight > 0 ? 0 : 1, position: position)
    }

    private static func sameRank(_ lhs: RouteLink, _ rhs: RouteLink, mode: RouteMode) -> Bool {
        lhs.backup == rhs.backup && lhs.priority == rhs.priority && (mode == .priority || lhs.costMicros == rhs.costMicros)
    }
}
