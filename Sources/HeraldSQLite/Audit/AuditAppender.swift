import Foundation
import GRDB
import HeraldCore

/// The one place the SQLite store writes audit events: inside the caller's write transaction (or
/// savepoint), it reads the log head, seals the events with the injected ``AuditSealer``, inserts the
/// entries, their sealed values and completed subtrees, and writes the new head — so a change and its
/// entries commit or roll back together, head included.
///
/// Without a sealer (tests and tools that open a store on its own) events wait, unsealed, in
/// `audit_events`; the next store opened with a sealer seals them in order when it is migrated.
///
/// ```swift
/// try await write("updating account") { db in
///     try db.execute(…)
///     try self.auditAppender.append(audit, in: db)
/// }
/// ```
struct AuditAppender: Sendable {
    /// Queued events sealed per transaction when migrating.
    static let backfillBatch = 500

    let sealer: (any AuditSealer)?

    func append(_ events: [AuditEvent], in db: Database) throws {
        guard !events.isEmpty else { return }
        guard let sealer else {
            try AuditEventTable.enqueue(events, in: db)
            return
        }
        let head = try AuditLogHeadTable.read(db)
        let sealing = try sealer.seal(events, after: head)
        guard sealing.records.count == events.count, sealing.records.first?.index == head.size, sealing.head.size == head.size + UInt64(events.count) else {
            throw HeraldError(.internal, code: SQLiteStoreError.failureCode, "the audit sealer returned records that do not follow the log head")
        }
        try AuditLogEntryTable.insert(sealing.records, in: db)
        try AuditSubtreeTable.insert(sealing.subtrees, in: db)
        try AuditLogHeadTable.write(sealing.head, in: db)
    }

    /// Seals up to ``backfillBatch`` queued events (oldest first) and removes them from the queue; returns how
    /// many. A queued row that no longer decodes is sealed as an `audit.unreadable_queued_event` entry
    /// holding its text as a sealed value, so nothing is silently dropped.
    func sealQueued(in db: Database) throws -> Int {
        guard sealer != nil else { return 0 }
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT sequence, at, event FROM audit_events ORDER BY sequence LIMIT ?"), arguments: [Self.backfillBatch])
        guard !rows.isEmpty else { return 0 }
        var events: [AuditEvent] = []
        var last: Int64 = 0
        for row in rows {
            var r = RowReader(row)
            let sequence = try r.next(Int64.self)
            let at = try r.timestamp()
            let text = try r.next(String.self)
            last = sequence
            if let event = try? HeraldJSON.decoder().decode(AuditEvent.self, from: Data(text.utf8)) {
                events.append(event)
            } else {
                events.append(AuditEvent(
                    at: at, actor: .system("audit_backfill"), action: "audit.unreadable_queued_event", target: "audit_events:\(sequence)",
                    outcome: "failed", details: ["sequence": String(sequence)], sensitive: ["text": text]))
            }
        }
        try append(events, in: db)
        try db.cachedStatement(sql: "DELETE FROM audit_events WHERE sequence <= ?").execute(arguments: [last])
        return events.count
    }
}
