import Foundation
import HeraldCore
import PostgresNIO

/// Column mapping of ``AuditEvent`` to `audit_events`: the queue of events not sealed into the audit log
/// yet (written only by a store opened without an ``AuditSealer``). The full event is JSON text.
enum AuditEventTable {
    static let selectQueued = "SELECT event FROM audit_events ORDER BY sequence LIMIT ? OFFSET ?"

    static func enqueue(_ events: [AuditEvent], in tx: PostgresTransaction) async throws {
        for event in events {
            try await tx.execute(
                "INSERT INTO audit_events (at, action, target, event) VALUES (?, ?, ?, ?)",
                [event.at.millisecondsSince1970, event.action, event.target, try JSONText.encode(event)])
        }
    }

    static func decode(_ row: PostgresRow) throws -> AuditEvent {
        var r = PostgresRowReader(row)
        return try r.json(AuditEvent.self, "audit event")
    }
}
