/// What one audit entry records: public bytes the library treats as opaque (the gateway puts JSON
/// there) plus sealed fields that can be erased later (see ``SealedField``).
///
/// The entry commits to ``digest``, which covers the public bytes and the sealed fields' names and
/// commitments, never their values.
///
/// ```swift
/// let payload = try AuditPayload(
///     publicData: Array(#"{"action":"message.submit","account":"acme"}"#.utf8),
///     sealedFields: [try SealedField.seal(name: "destination", value: Array("+447700900123".utf8))]
/// )
/// ```
public struct AuditPayload: Sendable, Hashable {
    /// Opaque public bytes (e.g. canonical JSON).
    public let publicData: [UInt8]
    /// Sealed fields in order (the order is part of the digest).
    public let sealedFields: [SealedField]

    /// Creates a payload; sealed field names must be unique.
    public init(publicData: [UInt8], sealedFields: [SealedField] = []) throws(MerkleLogError) {
        guard publicData.count <= Int(UInt32.max) else {
            throw MerkleLogError(.invalidEntry, "the public part is larger than 4 GiB")
        }
        var names = Set<String>()
        for field in sealedFields where !names.insert(field.name).inserted {
            throw MerkleLogError(.invalidEntry, "sealed field \"\(field.name)\" appears twice")
        }
        self.publicData = publicData
        self.sealedFields = sealedFields
    }

    /// The SHA-256 commitment to the public part and the sealed fields' commitments.
    public var digest: MerkleHash {
        EntryEncoding.payloadDigest(publicData: publicData, sealedFields: sealedFields)
    }

    /// The sealed field with this name.
    public func sealedField(named name: String) -> SealedField? {
        sealedFields.first { $0.name == name }
    }

    /// The same payload with the named fields' values and salts erased (the digest is unchanged).
    public func redacting(_ names: some Sequence<String>) -> AuditPayload {
        let erase = Set(names)
        return AuditPayload(uncheckedPublicData: publicData, sealedFields: sealedFields.map { erase.contains($0.name) ? $0.redacted() : $0 })
    }

    /// The same payload with every sealed value erased.
    public func redactingAll() -> AuditPayload {
        AuditPayload(uncheckedPublicData: publicData, sealedFields: sealedFields.map { $0.redacted() })
    }

    private init(uncheckedPublicData: [UInt8], sealedFields: [SealedField]) {
        self.publicData = uncheckedPublicData
        self.sealedFields = sealedFields
    }
}
