/// An auditor's request to see the sealed values (full phone numbers, message text, client addresses) of
/// the audit entries `[firstIndex, endIndex)`: the values behind the commitments those entries carry.
public struct SealedValueDisclosureRequest: Sendable, Equatable, Codable {
    /// Index of the first entry whose sealed values are disclosed.
    public var firstIndex: UInt64
    /// Index after the last one (exclusive).
    public var endIndex: UInt64

    enum CodingKeys: String, CodingKey {
        case firstIndex = "first_index"
        case endIndex = "end_index"
    }

    /// The most entries one disclosure may cover: 10,000.
    public static let maximumEntries: UInt64 = 10_000

    public init(firstIndex: UInt64, endIndex: UInt64) {
        self.firstIndex = firstIndex
        self.endIndex = endIndex
    }

    public var entries: Range<UInt64> { firstIndex..<endIndex }
}
