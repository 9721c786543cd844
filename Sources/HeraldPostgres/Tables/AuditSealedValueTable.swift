import HeraldCore

/// Column mapping of sealed audit values (salt + value of each sealed field) to `audit_sealed_values`.
/// Erasing a value is deleting its row; the entry keeps the commitment.
enum AuditSealedValueTable {
    struct Key: Hashable {
        var index: UInt64
        var name: String
    }

    static func values(in range: ClosedRange<UInt64>, in tx: PostgresTransaction) async throws -> [Key: (salt: [UInt8], value: [UInt8])] {
        let rows = try await tx.rows(
            "SELECT entry_index, name, salt, value FROM audit_sealed_values WHERE entry_index >= ? AND entry_index <= ?",
            [Int64(clamping: range.lowerBound), Int64(clamping: range.upperBound)])
        var values: [Key: (salt: [UInt8], value: [UInt8])] = [:]
        for row in rows {
            var r = PostgresRowReader(row)
            let index = try r.next(Int64.self)
            let name = try r.next(String.self)
            let salt = try r.bytes()
            let value = try r.bytes()
            values[Key(index: UInt64(max(0, index)), name: name)] = (salt, value)
        }
        return values
    }

    /// Deletes the `body` values of the `message.accept` entries of these messages (their bodies were erased).
    static func eraseBodies(of messageIDs: [String], in tx: PostgresTransaction) async throws {
        guard !messageIDs.isEmpty else { return }
        try await tx.execute("""
            DELETE FROM audit_sealed_values WHERE name = 'body' AND entry_index IN (
                SELECT leaf_index FROM audit_log_entries WHERE target = ANY(?) AND action = 'message.accept')
            """, [messageIDs])
    }

    /// Deletes up to `limit` of the oldest values recorded before `time`; returns how many.
    static func erase(recordedBefore time: Timestamp, limit: Int, in tx: PostgresTransaction) async throws -> Int {
        try await tx.changes("""
            DELETE FROM audit_sealed_values WHERE (entry_index, name) IN (
                SELECT entry_index, name FROM audit_sealed_values WHERE recorded_at < ? ORDER BY recorded_at LIMIT ? FOR UPDATE SKIP LOCKED)
            """, [time.millisecondsSince1970, limit])
    }
}
