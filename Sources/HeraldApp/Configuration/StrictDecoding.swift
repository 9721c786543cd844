/// A coding key for any string, used to find keys a configuration section does not know.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Errors in the configuration file, with the path of the offending key.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension Decoder {
    /// Throws when the mapping being decoded has a key not in `Keys` — a typo in a configuration file must be
    /// an error, not a silently ignored setting.
    func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) throws {
        let known = Set(Keys.allCases.map(\.stringValue))
        let container = try container(keyedBy: AnyCodingKey.self)
        let unknown = container.allKeys.map(\.stringValue).filter { !known.contains($0) }.sorted()
        guard unknown.isEmpty else {
            let path = codingPath.map(\.stringValue).joined(separator: ".")
            let location = path.isEmpty ? "at the top level" : "in '\(path)'"
            throw ConfigurationError(
                "unknown configuration key(s) \(unknown.map { "'\($0)'" }.joined(separator: ", ")) \(location); known keys: \(known.sorted().joined(separator: ", "))")
        }
    }
}

extension KeyedDecodingContainer {
    func decode<T: Decodable>(_ key: Key, default value: @autoclosure () -> T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? value()
    }
}
