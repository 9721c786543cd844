import HeraldCore

/// A rule's link, ready for lookups: the candidate the planner hands out is built once, at compile time.
struct CompiledLink: Sendable {
    let linkID: String
    let candidate: RouteCandidate
    let weight: UInt64
    let backup: Bool

    init(_ link: RouteLink) {
        linkID = link.linkID
        candidate = RouteCandidate(linkID: link.linkID, priority: link.priority, weight: link.weight, costMicros: link.costMicros)
        weight = UInt64(max(0, link.weight))
        backup = link.backup
    }
}
