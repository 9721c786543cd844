import HeraldCore

/// The ``CarrierLinkStore`` port.
extension PostgresHeraldStore: CarrierLinkStore {
    public func carrierLinks() async throws -> CarrierLinkSet {
        try await read("reading the carrier links") { tx in
            CarrierLinkSet(version: try await CarrierLinkTable.version(in: tx), records: try await CarrierLinkTable.all(in: tx))
        }
    }

    public func carrierLinksVersion() async throws -> Int64 {
        try await read("reading the carrier links version") { tx in try await CarrierLinkTable.version(in: tx) }
    }

    /// Nodes seeding from their configuration files at once take turns (administration lock), so each link
    /// is stored, and audited, once.
    public func seedCarrierLinks(
        _ definitions: [CarrierLinkDefinition], at time: Timestamp, audit: @escaping @Sendable (CarrierLinkDefinition) -> AuditEvent
    ) async throws -> [String] {
        guard !definitions.isEmpty else { return [] }
        return try await write("seeding carrier links") { tx in
            try await tx.execute(PostgresLocks.administration)
            var stored: [String] = []
            for definition in definitions where try await CarrierLinkTable.find(definition.id, in: tx) == nil {
                let record = CarrierLinkRecord(definition: definition, revision: 1, origin: .configuration, createdAt: time, updatedAt: time)
                try await CarrierLinkTable.upsert(record, in: tx)
                stored.append(definition.id)
            }
            let byID = Dictionary(definitions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            try await self.auditAppender.append(stored.compactMap { byID[$0].map(audit) }, in: tx)
            return stored
        }
    }
}
