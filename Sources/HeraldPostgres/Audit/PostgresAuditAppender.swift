import Foundation
import HeraldCore

/// The one place the PostgreSQL store writes audit events: inside the caller's transaction it locks and
/// reads the log head (`SELECT … FOR UPDATE`, so appends from every node and connection take turns), seals
/// the events with the injected ``AuditSealer``, then inserts the entries, their sealed values and completed
/// subtrees and writes the new head in one statement (``PostgresAuditAppendStatement``) — so a change and
/// its entries commit or roll back together, and the head stays locked for two round trips and the commit.
///
/// Callers append as the last step of their transaction, so the head row stays locked only briefly and
/// every transaction takes its row locks in the same order (its own rows, then the head).
///
/// Without a sealer (tests and tools that open a store on its own) events wait, unsealed, in
/// `audit_events`; the next store opened with a sealer seals them in order when it is migrated.
struct PostgresAuditAppender: Sendable {
    /// Queued events sealed per transaction when migrating.
    static let backfillBatch = 500

    let sealer: (any AuditSealer)?

    func append(_ events: [AuditEvent], in tx: PostgresTransaction) async throws {
        guard !events.isEmpty else { return }
        guard let sealer else {
            try await AuditEventTable.enqueue(events, in: tx)
            return
        }
        let head = try await AuditLogHeadTable.read(tx, lock: true)
        let sealing = try sealer.seal(events, after: head)
        guard sealing.records.count == events.count, sealing.records.first?.index == head.size, sealing.head.size == head.size + UInt64(events.count) else {
            throw HeraldError(.internal, code: PostgresStoreError.failureCode, "the audit sealer returned records that do not follow the log head")
        }
        try await tx.execute(PostgresAuditAppendStatement.sql, try PostgresAuditAppendStatement.arguments(sealing))
    }

    /// Seals up to ``backfillBatch`` queued events (oldest first) and removes them from the queue; returns how
    /// many. A queued row that no longer decodes is sealed as an `audit.unreadable_queued_event` entry
    /// holding its text as a sealed value, so nothing is silently dropped.
    func sealQueued(in tx: PostgresTransaction) async throws -> Int {
        guard sealer != nil else { return 0 }
        // The head first: two nodes migrating at once take turns, and the queue is sealed in its order once.
        _ = try await AuditLogHeadTable.read(tx, lock: true)
        let rows = try await tx.rows("SELECT sequence, at, event FROM audit_events ORDER BY sequence LIMIT ?", [Self.backfillBatch])
        guard !rows.isEmpty else { return 0 }
        var events: [AuditEvent] = []
        var sequences: [Int64] = []
        for row in rows {
            var r = PostgresRowReader(row)
            let sequence = try r.next(Int64.self)
            let at = try r.timestamp()
            let text = try r.next(String.self)
            sequences.append(sequence)
            if let event = try? HeraldJSON.decoder().decode(AuditEvent.self, from: Data(text.utf8)) {
                events.append(event)
            } else {
                events.append(AuditEvent(
                    at: at, actor: .system("audit_backfill"), action: "audit.unreadable_queued_event", target: "audit_events:\(sequence)",
                    outcome: "failed", details: ["sequence": String(sequence)], sensitive: ["text": text]))
            }
        }
        try await tx.execute("DELETE FROM audit_events WHERE sequence = ANY(?)", [sequences])
        try await append(events, in: tx)
        return events.count
    }
}
