import Foundation
import GRDB
import HeraldCore

/// Column mapping of ``SealedAuditRecord`` to `audit_log_entries`. The sealed fields' names and
/// commitments are JSON text (`[{"commitment":"<base64>","name":"to"}]`); their values live in
/// `audit_sealed_values` (see ``AuditSealedValueTable``).
enum AuditLogEntryTable {
    static let columns = "leaf_index, at, action, target, previous_hash, public_payload, commitments, signature, leaf_hash"

    static let insert = "INSERT INTO audit_log_entries (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"

    static let selectRange = "SELECT \(columns) FROM audit_log_entries WHERE leaf_index >= ? ORDER BY leaf_index LIMIT ?"

    static let selectLeafHashes = "SELECT leaf_hash FROM audit_log_entries WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index"

    static func insert(_ records: [SealedAuditRecord], in db: Database) throws {
        let entry = try db.cachedStatement(sql: insert)
        for record in records {
            try entry.execute(arguments: [
                Int64(record.index), record.at.millisecondsSince1970, record.action, record.target, Data(record.previousHash),
                Data(record.publicPayload), commitments(record.sealedFields), Data(record.signature), Data(record.leafHash),
            ])
        }
        try AuditSealedValueTable.insert(records, in: db)
    }

    /// Up to `limit` records from `start`; with `includingSealedValues`, the values still stored are attached.
    static func records(from start: UInt64, limit: Int, includingSealedValues: Bool, in db: Database) throws -> [SealedAuditRecord] {
        guard limit > 0 else { return [] }
        var records = try Row.fetchAll(db.cachedStatement(sql: selectRange), arguments: [Int64(clamping: start), limit]).map(decode)
        guard includingSealedValues, let first = records.first, let last = records.last, records.contains(where: { !$0.sealedFields.isEmpty }) else {
            return records
        }
        let values = try AuditSealedValueTable.values(in: first.index...last.index, in: db)
        for position in records.indices where !records[position].sealedFields.isEmpty {
            let index = records[position].index
            for field in records[position].sealedFields.indices {
                let name = records[position].sealedFields[field].name
                if let opening = values[AuditSealedValueTable.Key(index: index, name: name)] {
                    records[position].sealedFields[field].salt = opening.salt
                    records[position].sealedFields[field].value = opening.value
                }
            }
        }
        return records
    }

    static func decode(_ row: Row) throws -> SealedAuditRecord {
        var r = RowReader(row)
        let index = try r.next(Int64.self)
        let at = try r.timestamp()
        let action = try r.next(String.self)
        let target = try r.next(String.self)
        let previous = try r.next(Data.self)
        let payload = try r.next(Data.self)
        let commitmentsText = try r.next(String.self)
        let signature = try r.next(Data.self)
        let leaf = try r.next(Data.self)
        guard index >= 0 else { throw SQLiteStoreError.corrupt("audit entry index", String(index)) }
        return SealedAuditRecord(
            index: UInt64(index), at: at, action: action, target: target, previousHash: Array(previous), publicPayload: Array(payload),
            sealedFields: try sealedFields(commitmentsText, entry: index), signature: Array(signature), leafHash: Array(leaf))
    }

    // MARK: Commitments column

    private struct StoredCommitment: Codable {
        var commitment: String
        var name: String
    }

    /// `[{"commitment":"<base64>","name":"<name>"}, …]`, in the entry's order.
    static func commitments(_ fields: [AuditSealedField]) -> String {
        guard !fields.isEmpty else { return "[]" }
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (position, field) in fields.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            out += #"{"commitment":""#.utf8
            out += Data(field.commitment).base64EncodedString().utf8
            out += #"","name":"#.utf8
            CompactJSON.appendString(field.name, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    static func sealedFields(_ text: String, entry: Int64) throws -> [AuditSealedField] {
        if text == "[]" { return [] }
        if case .array(let items)? = JSONValue.parse(text) {
            var fields: [AuditSealedField] = []
            for item in items {
                guard case .object(let members) = item else { break }
                var name: String?
                var commitment: String?
                for (key, value) in members {
                    if case .string(let text) = value {
                        if key == "name" { name = text } else if key == "commitment" { commitment = text }
                    }
                }
                guard let name, let commitment else { break }
                fields.append(AuditSealedField(name: name, commitment: Array(Data(base64Encoded: commitment) ?? Data(commitment.utf8)), salt: nil, value: nil))
            }
            if fields.count == items.count { return fields }
        }
        do {
            return try JSONDecoder().decode([StoredCommitment].self, from: Data(text.utf8)).map { stored in
                // A commitment that is not base64 is kept as its raw text bytes: the verifier reports the entry as edited.
                AuditSealedField(name: stored.name, commitment: Array(Data(base64Encoded: stored.commitment) ?? Data(stored.commitment.utf8)), salt: nil, value: nil)
            }
        } catch {
            throw SQLiteStoreError.corrupt("commitments of audit entry \(entry)", String(text.prefix(80)))
        }
    }
}
