import GRDB
import HeraldCore

/// Column mapping of ``AuditEvent`` to `audit_events`: the queue of events not sealed into the audit log
/// yet (written only by a store opened without an ``AuditSealer``; sealed and deleted when a store with
/// one is migrated). Events are the full event as JSON plus the columns operators filter on.
enum AuditEventTable {
    static let insert = "INSERT INTO audit_events (at, action, target, event) VALUES (?, ?, ?, ?)"

    static let selectQueued = "SELECT sequence, event FROM audit_events ORDER BY sequence LIMIT ? OFFSET ?"

    static func arguments(_ e: AuditEvent) -> StatementArguments {
        [e.at.millisecondsSince1970, e.action, e.target, CompactJSON.auditEvent(e)]
    }

    static func enqueue(_ events: [AuditEvent], in db: Database) throws {
        guard !events.isEmpty else { return }
        let statement = try db.cachedStatement(sql: insert)
        for event in events { try statement.execute(arguments: arguments(event)) }
    }

    static func decode(_ row: Row) throws -> StoredAuditEvent {
        var r = RowReader(row)
        return StoredAuditEvent(sequence: try r.next(), event: try r.json(AuditEvent.self, "audit event"))
    }
}
