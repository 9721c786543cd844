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

    /// The public JSON bytes of `event` (its `sensitive` values are left out).
    public static func encode(_ event: AuditEvent) throws -> [UInt8] {
        let value = Public(action: event.action, actor: event.actor, at: event.at, details: event.details, outcome: event.outcome, target: event.target)
        return Array(try HeraldJSON.encoder().encode(value))
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
