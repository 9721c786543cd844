import HeraldCore
import PostgresNIO

/// Column mapping of ``AuditCheckpointRecord`` to `audit_checkpoints` (one per tree size).
enum AuditCheckpointTable {
    static let columns = "size, root_hash, issued_at, note"

    static let upsert = """
        INSERT INTO audit_checkpoints (\(columns)) VALUES (?, ?, ?, ?)
        ON CONFLICT (size) DO UPDATE SET root_hash = excluded.root_hash, issued_at = excluded.issued_at, note = excluded.note
        """

    static func arguments(_ c: AuditCheckpointRecord) -> [any PostgresBindable] {
        [Int64(c.size), PostgresBytes(c.rootHash), c.issuedAt.millisecondsSince1970, c.note]
    }

    static func decode(_ row: PostgresRow) throws -> AuditCheckpointRecord {
        var r = PostgresRowReader(row)
        let size = try r.next(Int64.self)
        return AuditCheckpointRecord(size: UInt64(max(0, size)), rootHash: try r.bytes(), issuedAt: try r.timestamp(), note: try r.next(String.self))
    }
}
