/// `{"object": "list", "data": [...]}`.
struct ListAnswer<Item: Encodable & Sendable>: Encodable, Sendable {
    var object = "list"
    var data: [Item]
}
