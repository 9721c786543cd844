import HeraldCore
import PostgresNIO

/// Column mapping of ``CarrierLinkRecord`` to the `carrier_links` table (the definition as JSON), and the
/// version of the set in `carrier_link_state`.
enum CarrierLinkTable {
    static let columns = "definition, revision, origin, created_at, updated_at, removed_at"

    static let insert = "INSERT INTO carrier_links (id, \(columns)) VALUES (?, ?, ?, ?, ?, ?, ?)"

    static func arguments(_ r: CarrierLinkRecord) throws -> [any PostgresBindable] {
        [
            r.id, try JSONText.encode(r.definition), r.revision, r.origin.rawValue, r.createdAt.millisecondsSince1970, r.updatedAt.millisecondsSince1970,
            r.removedAt?.millisecondsSince1970,
        ]
    }

    static func decode(_ row: PostgresRow) throws -> CarrierLinkRecord {
        var r = PostgresRowReader(row)
        return CarrierLinkRecord(
            definition: try r.json(CarrierLinkDefinition.self, "carrier link"), revision: try r.next(Int64.self),
            origin: try r.enumeration(CarrierLinkRecord.Origin.self, "carrier link origin"), createdAt: try r.timestamp(), updatedAt: try r.timestamp(),
            removedAt: try r.optionalTimestamp())
    }

    static func find(_ id: String, in tx: PostgresTransaction) async throws -> CarrierLinkRecord? {
        try await tx.row("SELECT \(columns) FROM carrier_links WHERE id = ?", [id]).map(decode)
    }

    static func all(in tx: PostgresTransaction) async throws -> [CarrierLinkRecord] {
        try await tx.rows("SELECT \(columns) FROM carrier_links ORDER BY id").map(decode)
    }

    /// The set's version; with `lock`, the state row stays locked until the transaction ends, which serialises
    /// every change of the link set across nodes.
    static func version(lock: Bool = false, in tx: PostgresTransaction) async throws -> Int64 {
        guard let version = try await tx.value(Int64.self, "SELECT version FROM carrier_link_state WHERE id = 1" + (lock ? " FOR UPDATE" : "")) else {
            throw PostgresStoreError.corrupt("carrier links version", "missing row")
        }
        return version
    }

    /// Inserts or replaces a link's row (a re-added removed link keeps counting its revisions) and bumps the version.
    static func upsert(_ record: CarrierLinkRecord, in tx: PostgresTransaction) async throws {
        try await tx.execute("DELETE FROM carrier_links WHERE id = ?", [record.id])
        try await tx.execute(insert, try arguments(record))
        try await tx.execute("UPDATE carrier_link_state SET version = version + 1 WHERE id = 1")
    }
}
