import Logging
import Synchronization

/// Log records kept in memory.
final class CapturedLogs: Sendable {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    let records = Mutex<[Record]>([])

    /// Everything logged, as one text, for "never contains" checks.
    var allText: String {
        records.withLock { $0 }.map { "\($0.message) \($0.metadata.sorted { $0.key < $1.key })" }.joined(separator: "\n")
    }
}

/// A log handler writing into ``CapturedLogs``.
struct CapturingLogHandler: LogHandler {
    let logs: CapturedLogs
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        logs.records.withLock {
            $0.append(.init(level: event.level, message: event.message.description, metadata: merged.mapValues { "\($0)" }))
        }
    }
}
