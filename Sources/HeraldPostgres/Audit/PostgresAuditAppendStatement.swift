import Foundation
import HeraldCore
import PostgresNIO

/// Everything one audit append writes — the sealed entries, their sealed values, the completed subtree
/// hashes and the new head — as **one statement** (data-modifying CTEs over `unnest` of array parameters),
/// so the head row locked by the append is held for one round trip of writes instead of one per row.
///
/// ```swift
/// try await tx.execute(PostgresAuditAppendStatement.sql, try PostgresAuditAppendStatement.arguments(sealing))
/// ```
enum PostgresAuditAppendStatement {
    static let sql = """
        WITH entries AS (
            INSERT INTO audit_log_entries (\(AuditLogEntryTable.columns))
            SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::bytea[], ?::bytea[], ?::text[], ?::bytea[], ?::bytea[])
        ), sealed_values AS (
            INSERT INTO audit_sealed_values (entry_index, name, salt, value, recorded_at)
            SELECT * FROM unnest(?::bigint[], ?::text[], ?::bytea[], ?::bytea[], ?::bigint[])
        ), subtrees AS (
            INSERT INTO audit_log_subtrees (level, position, hash)
            SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bytea[])
            ON CONFLICT (level, position) DO UPDATE SET hash = excluded.hash
        )
        UPDATE audit_log_head SET size = ?, state = ? WHERE id = 1
        """

    /// The statement's parameters, column by column.
    static func arguments(_ sealing: AuditSealing) throws -> [any PostgresBindable] {
        let records = sealing.records
        var sealedIndex: [Int64] = [], sealedName: [String] = [], sealedSalt: [ByteBuffer] = [], sealedValue: [ByteBuffer] = [], sealedAt: [Int64] = []
        for record in records {
            for field in record.sealedFields {
                guard let salt = field.salt, let value = field.value else { continue }
                sealedIndex.append(Int64(record.index))
                sealedName.append(field.name)
                sealedSalt.append(ByteBuffer(bytes: salt))
                sealedValue.append(ByteBuffer(bytes: value))
                sealedAt.append(record.at.millisecondsSince1970)
            }
        }
        // One row per subtree position (the last hash wins), as ON CONFLICT may touch a row once per statement.
        var subtrees: [AuditSubtreeKey: [UInt8]] = [:]
        var order: [AuditSubtreeKey] = []
        for subtree in sealing.subtrees {
            if subtrees.updateValue(subtree.hash, forKey: subtree.key) == nil { order.append(subtree.key) }
        }
        return [
            records.map { Int64($0.index) }, records.map { $0.at.millisecondsSince1970 }, records.map(\.action), records.map(\.target),
            PostgresByteArray(records.map(\.previousHash)), PostgresByteArray(records.map(\.publicPayload)),
            try records.map { try AuditLogEntryTable.commitments($0.sealedFields) },
            PostgresByteArray(records.map(\.signature)), PostgresByteArray(records.map(\.leafHash)),
            sealedIndex, sealedName, PostgresByteArray(buffers: sealedSalt), PostgresByteArray(buffers: sealedValue), sealedAt,
            order.map { Int64($0.level) }, order.map { Int64(clamping: $0.index) }, PostgresByteArray(order.map { subtrees[$0] ?? [] }),
            Int64(sealing.head.size), PostgresBytes(sealing.head.state),
        ]
    }
}
