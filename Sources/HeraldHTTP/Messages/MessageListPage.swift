import HeraldCore

/// One page of `GET /v1/messages`: `{"object": "list", "data": [...], "has_more": …, "next_cursor": …}`.
///
/// Messages are newest first; pass `next_cursor` as `starting_after` to get the next page
/// (`null` on the last page).
public struct MessageListPage: Sendable, Equatable, Encodable {
    public var data: [MessageResource]
    public var hasMore: Bool
    public var nextCursor: String?

    /// Cuts `fetched` (asked with `limit + 1`) to `limit` and sets the cursor.
    public init(fetched: [Message], limit: Int) {
        let page = fetched.prefix(limit)
        data = page.map(MessageResource.init)
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
        try container.encode(nextCursor, forKey: .nextCursor)  // `null` on the last page, never absent
    }
}
