import Foundation
import HeraldCore

/// An audit-log entry in the API: the fields of an audit bundle's `entry` line (docs/audit-bundle.md),
/// plus its stored leaf hash. Hashes and the signature are standard base64.
struct AuditEntryResource: Encodable {
    struct Sealed: Encodable {
        var name: String
        var commitment: String
        var salt: String?
        var value: AuditBytes?
    }

    var index: UInt64
    var prev: String
    var `public`: AuditBytes
    var sealed: [Sealed]?
    var sig: String
    var leafHash: String
    var at: Timestamp
    var action: String
    var target: String

    enum CodingKeys: String, CodingKey {
        case index, prev, `public`, sealed, sig, at, action, target
        case leafHash = "leaf_hash"
    }

    init(_ record: SealedAuditRecord) {
        index = record.index
        prev = Data(record.previousHash).base64EncodedString()
        `public` = AuditBytes(record.publicPayload)
        sealed = record.sealedFields.isEmpty ? nil : record.sealedFields.map { field in
            Sealed(
                name: field.name, commitment: Data(field.commitment).base64EncodedString(),
                salt: field.isErased ? nil : field.salt.map { Data($0).base64EncodedString() },
                value: field.isErased ? nil : field.value.map(AuditBytes.init))
        }
        sig = Data(record.signature).base64EncodedString()
        leafHash = Data(record.leafHash).base64EncodedString()
        at = record.at
        action = record.action
        target = record.target
    }
}
