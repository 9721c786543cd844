import Foundation
import Logging
import Synchronization

/// A swift-log handler that writes one JSON object per line to standard error:
/// `{"ts":"…","level":"info","label":"herald.dispatch","msg":"…", …metadata}`.
///
/// Keys are sorted; metadata keys sit next to `ts`, `level`, `label` and `msg` (a metadata key with one of
/// those names is overridden by the event's own value).
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let write: @Sendable (Data) -> Void
    private static let output = Mutex(())

    /// Writes to standard error, one whole line at a time across threads.
    public init(label: String) {
        self.init(label: label) { line in Self.output.withLock { _ in FileHandle.standardError.write(line) } }
    }

    /// Writes each line (with its newline) through `write` (tests capture it).
    public init(label: String, write: @escaping @Sendable (Data) -> Void) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var object: [String: Any] = [:]
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for (key, value) in merged { object[key] = Self.plain(value) }
        object["ts"] = Timestamp(Date()).iso8601
        object["level"] = event.level.rawValue
        object["label"] = label
        object["msg"] = event.message.description
        guard var line = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        line.append(0x0A)
        write(line)
    }

    static func plain(_ value: Logger.MetadataValue) -> Any {
        switch value {
        case .string(let text): return text
        case .stringConvertible(let convertible): return convertible.description
        case .array(let values): return values.map(plain)
        case .dictionary(let values): return values.mapValues(plain)
        }
    }
}

import HeraldCore
