/// One entry of the tamper-evident audit log, as a store keeps it: plain bytes an ``AuditSealer`` produced.
///
/// The columns `at`, `action` and `target` repeat what the public payload says, for queries (they are not
/// what the log commits to: the payload, the sealed fields' commitments, the index and the signature are).
public struct SealedAuditRecord: Sendable, Equatable {
    /// Position in the log, from 0.
    public var index: UInt64
    public var at: Timestamp
    public var action: String
    public var target: String
    /// The leaf hash of entry `index - 1` (32 zero bytes for entry 0): the hash chain.
    public var previousHash: [UInt8]
    /// The event without its sensitive values (JSON, see ``AuditEventPayload``).
    public var publicPayload: [UInt8]
    /// The sensitive values, sealed, in the order the entry commits to them.
    public var sealedFields: [AuditSealedField]
    /// The log key's Ed25519 signature over the origin, the index and the payload digest (64 bytes).
    public var signature: [UInt8]
    /// The RFC 9162 leaf hash (32 bytes); inclusion and consistency proofs are computed from these.
    public var leafHash: [UInt8]

    public init(
        index: UInt64, at: Timestamp, action: String, target: String, previousHash: [UInt8], publicPayload: [UInt8],
        sealedFields: [AuditSealedField], signature: [UInt8], leafHash: [UInt8]
    ) {
        self.index = index
        self.at = at
        self.action = action
        self.target = target
        self.previousHash = previousHash
        self.publicPayload = publicPayload
        self.sealedFields = sealedFields
        self.signature = signature
        self.leafHash = leafHash
    }

    /// The recorded event, with the sensitive values that are still present.
    public func event() throws -> AuditEvent {
        var sensitive: [String: String] = [:]
        for field in sealedFields {
            if let value = field.value, field.salt != nil { sensitive[field.name] = String(decoding: value, as: UTF8.self) }
        }
        return try AuditEventPayload.decode(publicPayload, sensitive: sensitive)
    }

    /// The same record with every sealed value left out (commitments stay, so it still verifies).
    public var redacted: SealedAuditRecord {
        var copy = self
        copy.sealedFields = sealedFields.map(\.erased)
        return copy
    }
}
