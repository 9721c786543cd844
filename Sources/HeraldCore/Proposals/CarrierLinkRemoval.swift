/// The removal of a carrier link at revision ``baseRevision``.
public struct CarrierLinkRemoval: Sendable, Equatable, Codable {
    public var linkID: String
    public var baseRevision: Int64

    enum CodingKeys: String, CodingKey {
        case linkID = "link_id"
        case baseRevision = "base_revision"
    }

    public init(linkID: String, baseRevision: Int64) {
        self.linkID = linkID
        self.baseRevision = baseRevision
    }
}
