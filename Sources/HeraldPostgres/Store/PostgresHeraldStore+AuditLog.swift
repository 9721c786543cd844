import HeraldCore

extension PostgresHeraldStore: AuditLogStore {
    public func auditLogHead() async throws -> AuditLogHead {
        try await read("reading the audit log head") { tx in try await AuditLogHeadTable.read(tx, lock: false) }
    }

    public func auditRecords(from start: UInt64, limit: Int, includingSealedValues: Bool) async throws -> [SealedAuditRecord] {
        try await read("reading audit log entries") { tx in
            try await AuditLogEntryTable.records(from: start, limit: limit, includingSealedValues: includingSealedValues, in: tx)
        }
    }

    public func auditLeafHashes(in range: Range<UInt64>) async throws -> [[UInt8]] {
        guard !range.isEmpty else { return [] }
        return try await read("reading audit leaf hashes") { tx in
            try await tx.rows(AuditLogEntryTable.selectLeafHashes, [Int64(clamping: range.lowerBound), Int64(clamping: range.upperBound)]).map { row in
                var r = PostgresRowReader(row)
                return try r.bytes()
            }
        }
    }

    public func auditSubtreeHashes(_ keys: [AuditSubtreeKey]) async throws -> [AuditSubtreeKey: [UInt8]] {
        guard !keys.isEmpty else { return [:] }
        return try await read("reading audit subtree hashes") { tx in try await AuditSubtreeTable.hashes(keys, in: tx) }
    }

    public func saveAuditCheckpoint(_ checkpoint: AuditCheckpointRecord) async throws {
        try await write("storing an audit checkpoint") { tx in
            try await tx.execute(AuditCheckpointTable.upsert, AuditCheckpointTable.arguments(checkpoint))
        }
    }

    public func latestAuditCheckpoint() async throws -> AuditCheckpointRecord? {
        try await read("reading the latest audit checkpoint") { tx in
            try await tx.row("SELECT \(AuditCheckpointTable.columns) FROM audit_checkpoints ORDER BY size DESC LIMIT 1").map(AuditCheckpointTable.decode)
        }
    }

    public func auditCheckpoints(fromSize size: UInt64, limit: Int) async throws -> [AuditCheckpointRecord] {
        guard limit > 0 else { return [] }
        return try await read("reading audit checkpoints") { tx in
            try await tx.rows(
                "SELECT \(AuditCheckpointTable.columns) FROM audit_checkpoints WHERE size >= ? ORDER BY size LIMIT ?", [Int64(clamping: size), limit]
            ).map(AuditCheckpointTable.decode)
        }
    }

    public func pruneAuditCheckpoints(issuedBefore time: Timestamp, keepingOnePer interval: Duration) async throws -> Int {
        let bucket = max(1, Timestamp(millisecondsSince1970: 0).adding(interval).millisecondsSince1970)
        return try await write("thinning audit checkpoints") { tx in
            // Integer division (both BIGINT) buckets checkpoints by issue time, as in the SQLite store.
            try await tx.changes("""
                DELETE FROM audit_checkpoints
                WHERE issued_at < $1
                  AND size < (SELECT max(size) FROM audit_checkpoints)
                  AND size NOT IN (SELECT max(size) FROM audit_checkpoints WHERE issued_at < $1 GROUP BY issued_at / $2)
                """, [time.millisecondsSince1970, bucket])
        }
    }

    public func eraseSealedAuditValues(recordedBefore time: Timestamp, limit: Int, audit: [AuditEvent]) async throws -> Int {
        guard limit > 0 else { return 0 }
        return try await write("erasing sealed audit values") { tx in
            let erased = try await AuditSealedValueTable.erase(recordedBefore: time, limit: limit, in: tx)
            if erased > 0 { try await self.auditAppender.append(audit, in: tx) }
            return erased
        }
    }
}
