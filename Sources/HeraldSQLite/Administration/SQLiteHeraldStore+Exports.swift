import GRDB
import HeraldCore

/// The ``MessageExportStore`` and ``RetentionStore`` ports.
extension SQLiteHeraldStore: MessageExportStore, RetentionStore {
    public func messageExport(_ id: ProposalID) async throws -> MessageExport? {
        try await read("reading export \(id)") { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(MessageExportTable.columns) FROM message_exports WHERE id = ?"), arguments: [id.rawValue])
                .map(MessageExportTable.decode)
        }
    }

    public func messageExports(limit: Int) async throws -> [MessageExport] {
        try await read("listing exports") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT \(MessageExportTable.columns) FROM message_exports ORDER BY id DESC LIMIT ?"), arguments: [max(0, limit)]
            ).map(MessageExportTable.decode)
        }
    }

    public func claimMessageExport(_ id: ProposalID, by actor: String, at time: Timestamp, audit: [AuditEvent]) async throws -> Bool {
        try await write("claiming export \(id)") { db in
            let at = time.millisecondsSince1970
            try db.cachedStatement(sql: """
                UPDATE message_exports SET downloaded_at = ?, downloaded_by = ? WHERE id = ? AND downloaded_at IS NULL AND expires_at > ?
                """).execute(arguments: [at, actor, id.rawValue, at])
            guard db.changesCount == 1 else { return false }
            try self.auditAppender.append(audit, in: db)
            return true
        }
    }

    public func retentionRecord() async throws -> RetentionRecord? {
        try await read("reading the retention settings") { db in try SettingTable.retentionRecord(in: db) }
    }
}
