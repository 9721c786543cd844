import HeraldCore

/// One page of `GET /v1/inbound`: `{"object": "list", "data": [...], "has_more": …, "next_cursor": …}`,
/// newest first; pass `next_cursor` as `starting_after` for the next page (`null` on the last).
public struct InboundListPage: Sendable, Equatable, Encodable {
    public var data: [InboundMessageResource]
    public var hasMore: Bool
    public var nextCursor: String?

    /// Cuts `fetched` (asked with `limit + 1`) to `limit` and sets the cursor.
    public init(fetched: [InboundMessage], limit: Int) {
        let page = fetched.prefix(limit)
        data = page.map(InboundMessageResource.init)
        hasMore = fetched.count > limit
        nextCursor = hasMore ? page.last?.id.rawValue : nil
    }

    enum CodingKeys: String, CodingKey {
        case object, data
        case hasMore = "has_more"
        case nextCursor = "next_cursor"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("list", forKey: .object)
        try container.encode(data, forKey: .data)
        try container.encode(hasMore, forKey: .hasMore)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}
