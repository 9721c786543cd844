import Foundation
import GRDB
import HeraldCore

/// The one row of `audit_log_head`: the log's size and the sealer's state after the last entry.
/// Read and written in the transaction of every append (in PostgreSQL the read is `FOR UPDATE`).
enum AuditLogHeadTable {
    static func read(_ db: Database) throws -> AuditLogHead {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT size, state FROM audit_log_head WHERE id = 1")) else {
            throw SQLiteStoreError.corrupt("audit log head", "missing row")
        }
        var r = RowReader(row)
        let size = try r.next(Int64.self)
        let state = try r.next(Data.self)
        guard size >= 0 else { throw SQLiteStoreError.corrupt("audit log size", String(size)) }
        return AuditLogHead(size: UInt64(size), state: Array(state))
    }

    static func write(_ head: AuditLogHead, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE audit_log_head SET size = ?, state = ? WHERE id = 1")
            .execute(arguments: [Int64(head.size), Data(head.state)])
    }
}
