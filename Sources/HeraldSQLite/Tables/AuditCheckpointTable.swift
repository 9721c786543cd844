import Foundation
import GRDB
import HeraldCore

/// Column mapping of ``AuditCheckpointRecord`` to `audit_checkpoints` (one per tree size).
enum AuditCheckpointTable {
    static let columns = "size, root_hash, issued_at, note"

    static let upsert = """
        INSERT INTO audit_checkpoints (\(columns)) VALUES (?, ?, ?, ?)
        ON CONFLICT (size) DO UPDATE SET root_hash = excluded.root_hash, issued_at = excluded.issued_at, note = excluded.note
        """

    static func arguments(_ c: AuditCheckpointRecord) -> StatementArguments {
        [Int64(c.size), Data(c.rootHash), c.issuedAt.millisecondsSince1970, c.note]
    }

    static func decode(_ row: Row) throws -> AuditCheckpointRecord {
        var r = RowReader(row)
        let size = try r.next(Int64.self)
        return AuditCheckpointRecord(size: UInt64(max(0, size)), rootHash: Array(try r.next(Data.self)), issuedAt: try r.timestamp(), note: try r.next(String.self))
    }
}
