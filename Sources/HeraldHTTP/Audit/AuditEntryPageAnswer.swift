import HeraldCore

/// `GET /v1/audit/entries`: `{"tree_size", "entries": [...], "next_start"}` (`next_start` absent at the end).
struct AuditEntryPageAnswer: Encodable {
    var treeSize: UInt64
    var entries: [AuditEntryResource]
    var nextStart: UInt64?

    enum CodingKeys: String, CodingKey {
        case treeSize = "tree_size"
        case entries
        case nextStart = "next_start"
    }

    init(_ page: AuditEntryPage) {
        treeSize = page.treeSize
        entries = page.records.map(AuditEntryResource.init)
        nextStart = page.records.last.map { $0.index + 1 }.flatMap { $0 < page.treeSize ? $0 : nil }
    }
}
