/// A body carrying only an optional `note` (why), or `reason` for a rejection.
struct AdminNoteBody: Decodable, Sendable {
    var note: String?
    var reason: String?

    static let noteShape = JSONShape.object(["note": .value])
    static let reasonShape = JSONShape.object(["reason": .value])
}
