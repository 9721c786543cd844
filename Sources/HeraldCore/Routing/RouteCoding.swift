/// A coding key for any string, to find the keys of a routes-file mapping that the format does not know.
struct RouteAnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// Throws when the mapping being decoded has a key not in `known`: a typo in a routes file (`wieght`)
    /// must be an error, not a silently ignored setting.
    func rejectUnknownRouteKeys(known: Set<String>) throws {
        let container = try container(keyedBy: RouteAnyCodingKey.self)
        guard !container.allKeys.allSatisfy({ known.contains($0.stringValue) }) else { return }
        let unknown = container.allKeys.map(\.stringValue).filter { !known.contains($0) }.sorted()
        throw DecodingError.dataCorrupted(DecodingError.Context(
            codingPath: codingPath,
            debugDescription: "unknown key(s) \(unknown.map { "'\($0)'" }.joined(separator: ", ")); known keys: \(known.sorted().joined(separator: ", "))"))
    }
}

extension KeyedDecodingContainer {
    /// A string, also accepting an integer (JSON files may write a prefix as a number).
    func decodeTextOrInteger(forKey key: Key) throws -> String? {
        guard contains(key) else { return nil }
        if let text = try? decodeIfPresent(String.self, forKey: key) { return text }
        return try decodeIfPresent(Int64.self, forKey: key).map(String.init)
    }
}
