import GRDB
import HeraldCore

/// The ``SealedValueDisclosureStore`` port.
extension SQLiteHeraldStore: SealedValueDisclosureStore {
    public func sealedValueDisclosure(_ id: ProposalID) async throws -> SealedValueDisclosure? {
        try await read("reading disclosure \(id)") { db in
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT \(SealedValueDisclosureTable.columns) FROM sealed_value_disclosures WHERE id = ?"), arguments: [id.rawValue]
            ).map(SealedValueDisclosureTable.decode)
        }
    }

    public func sealedValueDisclosures(limit: Int) async throws -> [SealedValueDisclosure] {
        try await read("listing disclosures") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT \(SealedValueDisclosureTable.columns) FROM sealed_value_disclosures ORDER BY id DESC LIMIT ?"),
                arguments: [max(0, limit)]
            ).map(SealedValueDisclosureTable.decode)
        }
    }

    public func claimSealedValueDisclosure(_ id: ProposalID, by actor: String, at time: Timestamp, audit: [AuditEvent]) async throws -> Bool {
        try await write("claiming disclosure \(id)") { db in
            let at = time.millisecondsSince1970
            try db.cachedStatement(sql: """
                UPDATE sealed_value_disclosures SET downloaded_at = ?, downloaded_by = ?
                WHERE id = ? AND downloaded_at IS NULL AND expires_at > ? AND requested_by = ?
                """).execute(arguments: [at, actor, id.rawValue, at, actor])
            guard db.changesCount == 1 else { return false }
            try self.auditAppender.append(audit, in: db)
            return true
        }
    }
}
