import GRDB
import HeraldCore

/// Column mapping of ``CarrierLinkRecord`` to the `carrier_links` table (the definition as JSON), and the
/// version of the set in `carrier_link_state`.
enum CarrierLinkTable {
    static let columns = "definition, revision, origin, created_at, updated_at, removed_at"

    static let insert = "INSERT INTO carrier_links (id, \(columns)) VALUES (?, ?, ?, ?, ?, ?, ?)"

    static func arguments(_ r: CarrierLinkRecord) throws -> StatementArguments {
        [
            r.id, try JSONText.encode(r.definition), r.revision, r.origin.rawValue, r.createdAt.millisecondsSince1970, r.updatedAt.millisecondsSince1970,
            r.removedAt?.millisecondsSince1970,
        ]
    }

    static func decode(_ row: Row) throws -> CarrierLinkRecord {
        var r = RowReader(row)
        return CarrierLinkRecord(
            definition: try r.json(CarrierLinkDefinition.self, "carrier link"), revision: try r.next(),
            origin: try r.enumeration(CarrierLinkRecord.Origin.self, "carrier link origin"), createdAt: try r.timestamp(), updatedAt: try r.timestamp(),
            removedAt: try r.optionalTimestamp())
    }

    static func find(_ id: String, in db: Database) throws -> CarrierLinkRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(columns) FROM carrier_links WHERE id = ?"), arguments: [id]).map(decode)
    }

    static func all(in db: Database) throws -> [CarrierLinkRecord] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT \(columns) FROM carrier_links ORDER BY id")).map(decode)
    }

    static func version(in db: Database) throws -> Int64 {
        guard let version = try Int64.fetchOne(db.cachedStatement(sql: "SELECT version FROM carrier_link_state WHERE id = 1")) else {
            throw SQLiteStoreError.corrupt("carrier links version", "missing row")
        }
        return version
    }

    static func bumpVersion(in db: Database) throws {
        try db.execute(sql: "UPDATE carrier_link_state SET version = version + 1 WHERE id = 1")
    }

    /// Inserts or replaces a link's row (a re-added removed link keeps counting its revisions).
    static func upsert(_ record: CarrierLinkRecord, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM carrier_links WHERE id = ?").execute(arguments: [record.id])
        try db.cachedStatement(sql: insert).execute(arguments: arguments(record))
        try bumpVersion(in: db)
    }
}
