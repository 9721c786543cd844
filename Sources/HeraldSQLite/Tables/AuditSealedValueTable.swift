import Foundation
import GRDB
import HeraldCore

/// Column mapping of sealed audit values (salt + value of each sealed field) to `audit_sealed_values`.
/// Erasing a value is deleting its row; the entry keeps the commitment.
enum AuditSealedValueTable {
    struct Key: Hashable {
        var index: UInt64
        var name: String
    }

    static let insert = "INSERT INTO audit_sealed_values (entry_index, name, salt, value, recorded_at) VALUES (?, ?, ?, ?, ?)"

    static func insert(_ records: [SealedAuditRecord], in db: Database) throws {
        guard records.contains(where: { !$0.sealedFields.isEmpty }) else { return }
        let statement = try db.cachedStatement(sql: insert)
        for record in records {
            for field in record.sealedFields {
                guard let salt = field.salt, let value = field.value else { continue }
                try statement.execute(arguments: [Int64(record.index), field.name, Data(salt), Data(value), record.at.millisecondsSince1970])
            }
        }
    }

    static func values(in range: ClosedRange<UInt64>, in db: Database) throws -> [Key: (salt: [UInt8], value: [UInt8])] {
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT entry_index, name, salt, value FROM audit_sealed_values WHERE entry_index >= ? AND entry_index <= ?"),
            arguments: [Int64(clamping: range.lowerBound), Int64(clamping: range.upperBound)])
        var values: [Key: (salt: [UInt8], value: [UInt8])] = [:]
        while let row = try rows.next() {
            var r = RowReader(row)
            let index = try r.next(Int64.self)
            let name = try r.next(String.self)
            let salt = try r.next(Data.self)
            let value = try r.next(Data.self)
            values[Key(index: UInt64(max(0, index)), name: name)] = (Array(salt), Array(value))
        }
        return values
    }

    /// Deletes the `body` values of the `message.accept` entries of these messages (their bodies were erased).
    static func eraseBodies(of messageIDs: [String], in db: Database) throws {
        guard !messageIDs.isEmpty else { return }
        try db.cachedStatement(sql: """
            DELETE FROM audit_sealed_values WHERE name = 'body' AND entry_index IN (
                SELECT leaf_index FROM audit_log_entries WHERE target IN (SELECT value FROM json_each(?)) AND action = 'message.accept')
            """).execute(arguments: [try JSONText.encode(messageIDs)])
    }

    /// Deletes up to `limit` of the oldest values recorded before `time`; returns how many.
    static func erase(recordedBefore time: Timestamp, limit: Int, in db: Database) throws -> Int {
        try db.cachedStatement(sql: """
            DELETE FROM audit_sealed_values WHERE (entry_index, name) IN (
                SELECT entry_index, name FROM audit_sealed_values WHERE recorded_at < ? ORDER BY recorded_at LIMIT ?)
            """).execute(arguments: [time.millisecondsSince1970, limit])
        return db.changesCount
    }
}
