import HeraldCore

/// Cached perfect-subtree hashes of the audit log's Merkle tree (`audit_log_subtrees`).
enum AuditSubtreeTable {
    static func hashes(_ keys: [AuditSubtreeKey], in tx: PostgresTransaction) async throws -> [AuditSubtreeKey: [UInt8]] {
        let rows = try await tx.rows(
            "SELECT level, position, hash FROM audit_log_subtrees WHERE (level, position) IN (SELECT * FROM unnest(?::bigint[], ?::bigint[]))",
            [keys.map { Int64($0.level) }, keys.map { Int64(clamping: $0.index) }])
        var wanted: [Int64: [Int64: AuditSubtreeKey]] = [:]
        for key in keys { wanted[Int64(key.level), default: [:]][Int64(clamping: key.index)] = key }
        var found: [AuditSubtreeKey: [UInt8]] = [:]
        for row in rows {
            var r = PostgresRowReader(row)
            let level = try r.next(Int64.self)
            let position = try r.next(Int64.self)
            let hash = try r.bytes()
            if let key = wanted[level]?[position] { found[key] = hash }
        }
        return found
    }
}
