import Foundation
import GRDB
import HeraldCore

extension SQLiteHeraldStore: AuditLogStore {
    public func auditLogHead() async throws -> AuditLogHead {
        try await read("reading the audit log head") { db in try AuditLogHeadTable.read(db) }
    }

    public func auditRecords(from start: UInt64, limit: Int, includingSealedValues: Bool) async throws -> [SealedAuditRecord] {
        try await read("reading audit log entries") { db in
            try AuditLogEntryTable.records(from: start, limit: limit, includingSealedValues: includingSealedValues, in: db)
        }
    }

    public func auditLeafHashes(in range: Range<UInt64>) async throws -> [[UInt8]] {
        guard !range.isEmpty else { return [] }
        return try await read("reading audit leaf hashes") { db in
            try Data.fetchAll(
                db.cachedStatement(sql: AuditLogEntryTable.selectLeafHashes),
                arguments: [Int64(clamping: range.lowerBound), Int64(clamping: range.upperBound)]
            ).map(Array.init)
        }
    }

    public func auditSubtreeHashes(_ keys: [AuditSubtreeKey]) async throws -> [AuditSubtreeKey: [UInt8]] {
        guard !keys.isEmpty else { return [:] }
        return try await read("reading audit subtree hashes") { db in try AuditSubtreeTable.hashes(keys, in: db) }
    }

    public func saveAuditCheckpoint(_ checkpoint: AuditCheckpointRecord) async throws {
        try await write("storing an audit checkpoint") { db in
            try db.cachedStatement(sql: AuditCheckpointTable.upsert).execute(arguments: AuditCheckpointTable.arguments(checkpoint))
        }
    }

    public func latestAuditCheckpoint() async throws -> AuditCheckpointRecord? {
        try await read("reading the latest audit checkpoint") { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(AuditCheckpointTable.columns) FROM audit_checkpoints ORDER BY size DESC LIMIT 1"))
                .map(AuditCheckpointTable.decode)
        }
    }

    public func auditCheckpoints(fromSize size: UInt64, limit: Int) async throws -> [AuditCheckpointRecord] {
        guard limit > 0 else { return [] }
        return try await read("reading audit checkpoints") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT \(AuditCheckpointTable.columns) FROM audit_checkpoints WHERE size >= ? ORDER BY size LIMIT ?"),
                arguments: [Int64(clamping: size), limit]
            ).map(AuditCheckpointTable.decode)
        }
    }

    public func pruneAuditCheckpoints(issuedBefore time: Timestamp, keepingOnePer interval: Duration) async throws -> Int {
        let bucket = max(1, Timestamp(millisecondsSince1970: 0).adding(interval).millisecondsSince1970)
        return try await write("thinning audit checkpoints") { db in
            try db.cachedStatement(sql: """
                DELETE FROM audit_checkpoints
                WHERE issued_at < ?1
                  AND size < (SELECT max(size) FROM audit_checkpoints)
                  AND size NOT IN (SELECT max(size) FROM audit_checkpoints WHERE issued_at < ?1 GROUP BY issued_at / ?2)
                """).execute(arguments: [time.millisecondsSince1970, bucket])
            return db.changesCount
        }
    }

    public func eraseSealedAuditValues(recordedBefore time: Timestamp, limit: Int, audit: [AuditEvent]) async throws -> Int {
        guard limit > 0 else { return 0 }
        return try await write("erasing sealed audit values") { db in
            let erased = try AuditSealedValueTable.erase(recordedBefore: time, limit: limit, in: db)
            if erased > 0 { try self.auditAppender.append(audit, in: db) }
            return erased
        }
    }
}
