import GRDB
import HeraldCore

/// The ``CarrierLinkStore`` port.
extension SQLiteHeraldStore: CarrierLinkStore {
    public func carrierLinks() async throws -> CarrierLinkSet {
        try await read("reading the carrier links") { db in
            CarrierLinkSet(version: try CarrierLinkTable.version(in: db), records: try CarrierLinkTable.all(in: db))
        }
    }

    public func carrierLinksVersion() async throws -> Int64 {
        try await read("reading the carrier links version") { db in try CarrierLinkTable.version(in: db) }
    }

    public func seedCarrierLinks(
        _ definitions: [CarrierLinkDefinition], at time: Timestamp, audit: @escaping @Sendable (CarrierLinkDefinition) -> AuditEvent
    ) async throws -> [String] {
        guard !definitions.isEmpty else { return [] }
        return try await write("seeding carrier links") { db in
            var stored: [String] = []
            for definition in definitions where try CarrierLinkTable.find(definition.id, in: db) == nil {
                let record = CarrierLinkRecord(definition: definition, revision: 1, origin: .configuration, createdAt: time, updatedAt: time)
                try CarrierLinkTable.upsert(record, in: db)
                try self.auditAppender.append([audit(definition)], in: db)
                stored.append(definition.id)
            }
            return stored
        }
    }
}
