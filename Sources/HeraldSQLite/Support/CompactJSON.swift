import HeraldCore

/// Fast JSON for the two structures written on every message change: the status history and audit events.
///
/// Foundation's `JSONEncoder`/`JSONDecoder` dominated the cost of saving results (profiled: about 60 % of
/// ``SQLiteHeraldStore/saveMessageUpdates(_:)``). The text written here is byte-for-byte what `HeraldJSON`
/// produces (sorted keys, no escaped slashes, the same escapes); the tests compare the two. Reading parses
/// into ``JSONValue`` and falls back to `JSONDecoder` for anything unexpected.
enum CompactJSON {
    // MARK: Writing

    /// `[{"at":…,"detail":…,"status":…}, …]`, as `HeraldJSON.text([StoredStatusChange])` writes it.
    static func history(_ changes: [StatusChange]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(changes.count * 48)
        out.append(UInt8(ascii: "["))
        for (index, change) in changes.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"at":"#.utf8)
            out.append(contentsOf: String(change.at.millisecondsSince1970).utf8)
            if let detail = change.detail {
                out.append(contentsOf: #","detail":"#.utf8)
                appendString(detail, to: &out)
            }
            out.append(contentsOf: #","status":"#.utf8)
            appendString(change.status.rawValue, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    /// The full event, as `HeraldJSON.text(event)` writes it.
    static func auditEvent(_ event: AuditEvent) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        out.append(contentsOf: #"{"action":"#.utf8)
        appendString(event.action, to: &out)
        out.append(contentsOf: #","actor":{"id":"#.utf8)
        appendString(event.actor.id, to: &out)
        out.append(contentsOf: #","kind":"#.utf8)
        appendString(event.actor.kind, to: &out)
        out.append(contentsOf: #"},"at":"#.utf8)
        appendString(event.at.iso8601, to: &out)
        out.append(contentsOf: #","details":"#.utf8)
        appendObject(event.details, to: &out)
        out.append(contentsOf: #","outcome":"#.utf8)
        appendString(event.outcome, to: &out)
        out.append(contentsOf: #","sensitive":"#.utf8)
        appendObject(event.sensitive, to: &out)
        out.append(contentsOf: #","target":"#.utf8)
        appendString(event.target, to: &out)
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    static func appendObject(_ object: [String: String], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        let keys = object.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for (index, key) in keys.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            appendString(object[key] ?? "", to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    static func appendString(_ text: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case 0x00..<0x20:
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    // MARK: Reading

    /// The history written by ``history(_:)``; `nil` when the text has another shape.
    static func parseHistory(_ text: String) -> [StatusChange]? {
        guard case .array(let items)? = JSONValue.parse(text) else { return nil }
        var changes: [StatusChange] = []
        changes.reserveCapacity(items.count)
        for item in items {
            guard case .object(let fields) = item else { return nil }
            var status: MessageStatus?
            var at: Int64?
            var detail: String?
            for (key, value) in fields {
                switch (key, value) {
                case ("status", .string(let text)): status = MessageStatus(rawValue: text)
                case ("at", .integer(let value)): at = value
                case ("detail", .string(let text)): detail = text
                case ("detail", .null): detail = nil
                default: return nil
                }
            }
            guard let status, let at else { return nil }
            changes.append(StatusChange(status: status, at: Timestamp(millisecondsSince1970: at), detail: detail))
        }
        return changes
    }
}
