import Foundation

/// The public part of an audit-log entry: the event without its sensitive values, as JSON with sorted keys.
///
/// ```json
/// {"action":"carrier.submit_sm","actor":{"id":"dispatcher","kind":"system"},"at":"2026-01-01T00:00:00.000Z",
///  "details":{"link":"sim","parts":"1"},"outcome":"ok","target":"msg_01…"}
/// ```
///
/// The sensitive values (``AuditEvent/sensitive``) are sealed fields of the entry, named by their keys;
/// they never appear here. Every log backend writes and reads this one format, so the bytes an auditor
/// sees in a bundle are the bytes the log signed.
public enum AuditEventPayload {
    private struct Public: Codable {
        var action: String
        var actor: AuditActor
        var at: Timestamp
        var details: [String: String]
        var outcome: String
        var target: String
    }

    /// The public JSON bytes of `event` (its `sensitive` values are left out): byte for byte what
    /// ``HeraldJSON`` writes (sorted keys, no escaped slashes), without its cost — this runs for every
    /// audited change.
    public static func encode(_ event: AuditEvent) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(160 + event.details.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count + 6 })
        out += #"{"action":"#.utf8
        appendString(event.action, to: &out)
        out += #","actor":{"id":"#.utf8
        appendString(event.actor.id, to: &out)
        out += #","kind":"#.utf8
        appendString(event.actor.kind, to: &out)
        out += #"},"at":"#.utf8
        appendString(event.at.iso8601, to: &out)
        out += #","details":{"#.utf8
        for (position, key) in event.details.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            appendString(event.details[key] ?? "", to: &out)
        }
        out += #"},"outcome":"#.utf8
        appendString(event.outcome, to: &out)
        out += #","target":"#.utf8
        appendString(event.target, to: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// The same bytes through Foundation's encoder (the reference the fast path is tested against).
    static func referenceEncode(_ event: AuditEvent) throws -> [UInt8] {
        let value = Public(action: event.action, actor: event.actor, at: event.at, details: event.details, outcome: event.outcome, target: event.target)
        return Array(try HeraldJSON.encoder().encode(value))
    }

    /// A JSON string with the escapes Foundation's encoder uses.
    private static func appendString(_ text: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += #"\""#.utf8
            case UInt8(ascii: "\\"): out += #"\\"#.utf8
            case 0x0A: out += #"\n"#.utf8
            case 0x0D: out += #"\r"#.utf8
            case 0x09: out += #"\t"#.utf8
            case 0x08: out += #"\b"#.utf8
            case 0x0C: out += #"\f"#.utf8
            case 0x00..<0x20:
                out += #"\u00"#.utf8
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The event recorded by `bytes`, with the sensitive values that are still known.
    ///
    /// - Throws: ``HeraldError`` (`internal`, `audit_payload_unreadable`) when the bytes are not such JSON.
    public static func decode(_ bytes: [UInt8], sensitive: [String: String] = [:]) throws -> AuditEvent {
        do {
            let value = try HeraldJSON.decoder().decode(Public.self, from: Data(bytes))
            return AuditEvent(
                at: value.at, actor: value.actor, action: value.action, target: value.target, outcome: value.outcome,
                details: value.details, sensitive: sensitive)
        } catch {
            throw HeraldError(.internal, code: "audit_payload_unreadable", "an audit entry's public payload is not readable: \(error)")
        }
    }
}
