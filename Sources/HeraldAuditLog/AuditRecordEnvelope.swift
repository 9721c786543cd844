import HeraldCore
import MerkleLog

/// Converts stored audit records back into ``AuditEnvelope``s for bundles and verification.
enum AuditRecordEnvelope {
    /// The envelope a record stands for; `nil` when its stored form cannot be one (a hash or signature
    /// of the wrong length, an invalid sealed-field name, a salt of the wrong length) — such damage can
    /// only come from outside Herald.
    static func envelope(_ record: SealedAuditRecord) -> AuditEnvelope? {
        do {
            let fields = try record.sealedFields.map { field throws(MerkleLogError) -> SealedField in
                var opening: SealedField.Opening?
                if let salt = field.salt, let value = field.value { opening = try SealedField.Opening(salt: salt, value: value) }
                return try SealedField(name: field.name, commitment: MerkleHash(bytes: field.commitment), opening: opening)
            }
            let payload = try AuditPayload(publicData: record.publicPayload, sealedFields: fields)
            return try AuditEnvelope(index: record.index, previousHash: MerkleHash(bytes: record.previousHash), payload: payload, signature: record.signature)
        } catch {
            return nil
        }
    }
}
