import HeraldCore

/// The ``SealedValueDisclosureStore`` port.
extension PostgresHeraldStore: SealedValueDisclosureStore {
    public func sealedValueDisclosure(_ id: ProposalID) async throws -> SealedValueDisclosure? {
        try await read("reading disclosure \(id)") { tx in
            try await tx.row("SELECT \(SealedValueDisclosureTable.columns) FROM sealed_value_disclosures WHERE id = ?", [id.rawValue])
                .map(SealedValueDisclosureTable.decode)
        }
    }

    public func sealedValueDisclosures(limit: Int) async throws -> [SealedValueDisclosure] {
        try await read("listing disclosures") { tx in
            try await tx.rows("SELECT \(SealedValueDisclosureTable.columns) FROM sealed_value_disclosures ORDER BY id DESC LIMIT ?", [max(0, limit)])
                .map(SealedValueDisclosureTable.decode)
        }
    }

    public func claimSealedValueDisclosure(_ id: ProposalID, by actor: String, at time: Timestamp, audit: [AuditEvent]) async throws -> Bool {
        try await write("claiming disclosure \(id)") { tx in
            let at = time.millisecondsSince1970
            guard try await tx.changes(
                """
                UPDATE sealed_value_disclosures SET downloaded_at = ?, downloaded_by = ?
                WHERE id = ? AND downloaded_at IS NULL AND expires_at > ? AND requested_by = ?
                """,
                [at, actor, id.rawValue, at, actor]) == 1 else { return false }
            try await self.auditAppender.append(audit, in: tx)
            return true
        }
    }
}
