import Foundation
import Yams

/// Loads ``HeraldConfiguration`` from an optional YAML file, then applies environment overrides:
///
/// | Variable | Overrides |
/// | --- | --- |
/// | `HERALD_CONFIG` | the file path, when `--config` is not given |
/// | `HERALD_DATABASE_URL` | `database.url` |
/// | `HERALD_DATA_DIRECTORY` | `data_directory` |
/// | `HERALD_HTTP_HOST`, `HERALD_HTTP_PORT` | `http.host`, `http.port` |
/// | `HERALD_NODE_ID` | `node_id` |
/// | `HERALD_LOG_LEVEL` | `logging.level` |
public enum ConfigurationLoader {
    public static func load(path: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> HeraldConfiguration {
        var configuration = HeraldConfiguration()
        if let path = path ?? environment["HERALD_CONFIG"] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ConfigurationError("cannot read configuration file '\(path)'")
            }
            configuration = try parse(yaml: String(decoding: data, as: UTF8.self), source: path)
        }
        if let value = environment["HERALD_DATABASE_URL"], !value.isEmpty { configuration.database.url = value }
        if let value = environment["HERALD_DATA_DIRECTORY"], !value.isEmpty { configuration.dataDirectory = value }
        if let value = environment["HERALD_HTTP_HOST"], !value.isEmpty { configuration.http.host = value }
        if let value = environment["HERALD_HTTP_PORT"], !value.isEmpty {
            guard let port = Int(value) else { throw ConfigurationError("HERALD_HTTP_PORT must be a number, got '\(value)'") }
            configuration.http.port = port
        }
        if let value = environment["HERALD_NODE_ID"], !value.isEmpty { configuration.nodeID = value }
        if let value = environment["HERALD_LOG_LEVEL"], !value.isEmpty { configuration.logging.level = value }
        try configuration.validate()
        return configuration
    }

    /// Parses YAML text; errors name the file and the offending key.
    public static func parse(yaml: String, source: String = "configuration") throws -> HeraldConfiguration {
        if yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return HeraldConfiguration() }
        do {
            return try YAMLDecoder().decode(HeraldConfiguration.self, from: yaml)
        } catch let error as ConfigurationError {
            throw ConfigurationError("\(source): \(error.message)")
        } catch let error as DecodingError {
            throw ConfigurationError("\(source): \(describe(error))")
        } catch {
            throw ConfigurationError("\(source): not valid YAML: \(error)")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = path(context.codingPath)
            return "missing key '\(key.stringValue)'" + (at.isEmpty ? "" : " in '\(at)'")
        case .typeMismatch(let type, let context):
            return "'\(path(context.codingPath))' has the wrong type (expected \(type))"
        case .valueNotFound(let type, let context):
            return "'\(path(context.codingPath))' is empty (expected \(type))"
        case .dataCorrupted(let context):
            if let inner = context.underlyingError as? ConfigurationError { return inner.message }
            if let inner = context.underlyingError as? DecodingError { return describe(inner) }
            if let inner = context.underlyingError, context.codingPath.isEmpty { return "not valid YAML: \(inner)" }
            return "'\(path(context.codingPath))': \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
