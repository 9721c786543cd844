import HeraldCore

/// The one row of `audit_log_head`: the log's size and the sealer's state after the last entry. Appends
/// read it `FOR UPDATE`, which serialises them across connections and nodes.
enum AuditLogHeadTable {
    static func read(_ tx: PostgresTransaction, lock: Bool) async throws -> AuditLogHead {
        guard let row = try await tx.row("SELECT size, state FROM audit_log_head WHERE id = 1" + (lock ? " FOR UPDATE" : "")) else {
            throw PostgresStoreError.corrupt("audit log head", "missing row")
        }
        var r = PostgresRowReader(row)
        let size = try r.next(Int64.self)
        let state = try r.bytes()
        guard size >= 0 else { throw PostgresStoreError.corrupt("audit log size", String(size)) }
        return AuditLogHead(size: UInt64(size), state: state)
    }
}
