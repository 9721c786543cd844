import Foundation
import HeraldCore
import PostgresNIO

/// Column mapping of ``SealedAuditRecord`` to `audit_log_entries`. The sealed fields' names and
/// commitments are JSON text (`[{"commitment":"<base64>","name":"to"}]`, as in the SQLite store); their
/// values live in `audit_sealed_values` (see ``AuditSealedValueTable``).
enum AuditLogEntryTable {
    static let columns = "leaf_index, at, action, target, previous_hash, public_payload, commitments, signature, leaf_hash"

    static let selectRange = "SELECT \(columns) FROM audit_log_entries WHERE leaf_index >= ? ORDER BY leaf_index LIMIT ?"

    static let selectLeafHashes = "SELECT leaf_hash FROM audit_log_entries WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index"

    /// Up to `limit` records from `start`; with `includingSealedValues`, the values still stored are attached.
    static func records(from start: UInt64, limit: Int, includingSealedValues: Bool, in tx: PostgresTransaction) async throws -> [SealedAuditRecord] {
        guard limit > 0 else { return [] }
        var records = try await tx.rows(selectRange, [Int64(clamping: start), limit]).map(decode)
        guard includingSealedValues, let first = records.first, let last = records.last, records.contains(where: { !$0.sealedFields.isEmpty }) else {
            return records
        }
        let values = try await AuditSealedValueTable.values(in: first.index...last.index, in: tx)
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

    static func decode(_ row: PostgresRow) throws -> SealedAuditRecord {
        var r = PostgresRowReader(row)
        let index = try r.next(Int64.self)
        let at = try r.timestamp()
        let action = try r.next(String.self)
        let target = try r.next(String.self)
        let previous = try r.bytes()
        let payload = try r.bytes()
        let commitmentsText = try r.next(String.self)
        let signature = try r.bytes()
        let leaf = try r.bytes()
        guard index >= 0 else { throw PostgresStoreError.corrupt("audit entry index", String(index)) }
        return SealedAuditRecord(
            index: UInt64(index), at: at, action: action, target: target, previousHash: previous, publicPayload: payload,
            sealedFields: try sealedFields(commitmentsText, entry: index), signature: signature, leafHash: leaf)
    }

    // MARK: Commitments column

    private struct StoredCommitment: Codable {
        var commitment: String
        var name: String
    }

    /// `[{"commitment":"<base64>","name":"<name>"}, …]`, in the entry's order.
    static func commitments(_ fields: [AuditSealedField]) throws -> String {
        try JSONText.encode(fields.map { StoredCommitment(commitment: Data($0.commitment).base64EncodedString(), name: $0.name) })
    }

    static func sealedFields(_ text: String, entry: Int64) throws -> [AuditSealedField] {
        do {
            return try HeraldJSON.decoder().decode([StoredCommitment].self, from: Data(text.utf8)).map { stored in
                // A commitment that is not base64 is kept as its raw text bytes: the verifier reports the entry as edited.
                AuditSealedField(name: stored.name, commitment: Array(Data(base64Encoded: stored.commitment) ?? Data(stored.commitment.utf8)), salt: nil, value: nil)
            }
        } catch {
            throw PostgresStoreError.corrupt("commitments of audit entry \(entry)", String(text.prefix(80)))
        }
    }
}
