import Foundation
import HeraldCore
import Yams

/// A routes file: the rules an operator loads with `herald route --routes FILE`, and optionally the carrier
/// link ids they may use. YAML, or JSON for very large rule sets (JSON text is also valid YAML, but the
/// JSON decoder is much faster). The format is documented in docs/routing.md.
///
/// ```yaml
/// links: [acme-de, eu-hub]          # optional: the configured link ids, to check the rules against
/// rules:
///   - id: de-mobile
///     prefix: "4915"
///     mode: least_cost
///     links:
///       - { link: acme-de, cost_micros: 6500 }
///       - { link: eu-hub, cost_micros: 7100 }
///   - id: default
///     default: true
///     links:
///       - { link: eu-hub }
/// ```
///
/// ```swift
/// let file = try RoutesFile.load(path: "routes.yaml")
/// let table = try RouteTable(rules: file.rules, linkIDs: file.links.map(Set.init))
/// ```
public struct RoutesFile: Sendable, Equatable, Codable {
    /// The carrier link ids the rules may name; nil when the file does not list them.
    public var links: [String]?
    public var rules: [RouteRule]

    public init(links: [String]? = nil, rules: [RouteRule]) {
        self.links = links
        self.rules = rules
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case links, rules
    }

    public init(from decoder: any Decoder) throws {
        let known = Set(CodingKeys.allCases.map(\.stringValue))
        let unknown = try decoder.container(keyedBy: RoutesFileAnyKey.self).allKeys.map(\.stringValue).filter { !known.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: [], debugDescription: "unknown top-level key(s) \(unknown.map { "'\($0)'" }.joined(separator: ", ")); known keys: links, rules"))
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        links = try container.decodeIfPresent([String].self, forKey: .links)
        rules = try container.decodeIfPresent([RouteRule].self, forKey: .rules) ?? []
    }

    /// Parses a routes file's text: JSON when it starts with `{`, YAML otherwise.
    public static func parse(_ text: String) throws(RoutesFileError) -> RoutesFile {
        do {
            if text.first(where: { !$0.isWhitespace }) == "{" {
                return try HeraldJSON.decoder().decode(RoutesFile.self, from: Data(text.utf8))
            }
            return try YAMLDecoder().decode(RoutesFile.self, from: text)
        } catch let error as DecodingError {
            throw RoutesFileError(code: "invalid_routes_file", message: Self.describe(error))
        } catch {
            throw RoutesFileError(code: "invalid_routes_file", message: "the routes file is not valid YAML or JSON: \(error)")
        }
    }

    /// Reads and parses the routes file at `path`.
    public static func load(path: String) throws(RoutesFileError) -> RoutesFile {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw RoutesFileError(code: "unreadable_routes_file", message: "cannot read the routes file \(path): \(error.localizedDescription)")
        }
        do {
            return try parse(text)
        } catch {
            throw RoutesFileError(code: error.code, message: "\(path): \(error.message)")
        }
    }

    /// The file as YAML (rules in order), e.g. to export the rules stored in the database.
    public func yaml() throws -> String {
        try YAMLEncoder().encode(self)
    }

    /// A decoding error as one sentence naming where in the file it happened (`rules[3].links[0]`).
    private static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text.isEmpty ? "the top level" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath)): the key '\(key.stringValue)' is required"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(Self.typeName(type)) (\(context.debugDescription))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(Self.typeName(type)), found nothing"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Int64.Type: "an integer"
        case is Bool.Type: "true or false"
        default: "\(type)"
        }
    }
}
