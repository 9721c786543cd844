/// Turns audit events into signed, hash-chained entries of the tamper-evident audit log.
///
/// Stores call it inside the write transaction of the change being audited: read the head, seal, insert
/// the records, store the new head — all in that transaction, so a change is never committed without its
/// entries and a rolled-back change leaves neither entries nor a moved head. Appends must be serialised
/// (SQLite has one writer; PostgreSQL locks the head row `FOR UPDATE`, as the last statement of the
/// transaction so the lock is held briefly).
///
/// Implementations are pure: no I/O, no clock, no shared state. `AuditEvent.sensitive` values become
/// sealed fields (committed to by a salted hash, erasable later); everything else is public.
///
/// ```swift
/// let head = try readHead(db)
/// let sealing = try sealer.seal(events, after: head)
/// try insert(sealing.records, sealing.subtrees, in: db)
/// try writeHead(sealing.head, in: db)
/// ```
public protocol AuditSealer: Sendable {
    /// Seals `events` as the entries `head.size`, `head.size + 1`, ….
    ///
    /// - Throws: ``HeraldError`` (`internal`) when the head's state is unreadable or an event cannot be sealed.
    func seal(_ events: [AuditEvent], after head: AuditLogHead) throws -> AuditSealing
}
