import HeraldCore

/// The ``MessageExportStore`` and ``RetentionStore`` ports.
extension PostgresHeraldStore: MessageExportStore, RetentionStore {
    public func messageExport(_ id: ProposalID) async throws -> MessageExport? {
        try await read("reading export \(id)") { tx in
            try await tx.row("SELECT \(MessageExportTable.columns) FROM message_exports WHERE id = ?", [id.rawValue]).map(MessageExportTable.decode)
        }
    }

    public func messageExports(limit: Int) async throws -> [MessageExport] {
        try await read("listing exports") { tx in
            try await tx.rows("SELECT \(MessageExportTable.columns) FROM message_exports ORDER BY id DESC LIMIT ?", [max(0, limit)])
                .map(MessageExportTable.decode)
        }
    }

    public func claimMessageExport(_ id: ProposalID, by actor: String, at time: Timestamp, audit: [AuditEvent]) async throws -> Bool {
        try await write("claiming export \(id)") { tx in
            let at = time.millisecondsSince1970
            guard try await tx.changes(
                "UPDATE message_exports SET downloaded_at = ?, downloaded_by = ? WHERE id = ? AND downloaded_at IS NULL AND expires_at > ?",
                [at, actor, id.rawValue, at]) == 1 else { return false }
            try await self.auditAppender.append(audit, in: tx)
            return true
        }
    }

    public func retentionRecord() async throws -> RetentionRecord? {
        try await read("reading the retention settings") { tx in try await SettingTable.retentionRecord(in: tx) }
    }
}
