import HeraldCore

/// The public JSON shape of a safe-list entry.
public struct SafeListEntryResource: Sendable, Equatable, Encodable {
    public var object = "safe_list_entry"
    public var value: String
    public var note: String?
    public var createdAt: Timestamp

    enum CodingKeys: String, CodingKey {
        case object, value, note
        case createdAt = "created_at"
    }

    public init(_ entry: SafeListEntry) {
        value = entry.value
        note = entry.note
        createdAt = entry.createdAt
    }
}
