/// One stored audit-log entry: its index, the leaf hash of the previous entry (a hash chain), the
/// payload and the log key's Ed25519 signature over `(origin, index, payload digest)`.
///
/// The envelope is the RFC 9162 leaf: the leaf input is
/// `0x01 ‖ u64 index ‖ previousHash ‖ payloadDigest ‖ signature`, so checkpoints commit to every field.
/// Because each signature covers the index and the payload digest, an entry is authentic on its own;
/// an edit, a forged insertion or a renumbering shows at the exact entry. The previous-hash field is
/// deliberately outside the signature, so an edit does not make every later entry's signature fail
/// (see docs/audit-bundle.md, "Why the previous hash is not signed").
///
/// ```swift
/// let result = try writer.append(payload, to: state)
/// db.insert(result.envelope)          // index, previousHash, payload, signature, result.leafHash
/// state = result.state
/// ```
public struct AuditEnvelope: Sendable, Hashable {
    /// The Ed25519 signature length.
    public static let signatureCount = 64

    /// The entry's position in the log, from 0.
    public let index: UInt64
    /// The leaf hash of entry `index - 1` (``MerkleHash/zero`` for entry 0).
    public let previousHash: MerkleHash
    /// The recorded payload.
    public let payload: AuditPayload
    /// Ed25519 signature by the log key over `EntryEncoding.signedMessage(origin:index:payloadDigest:)`.
    public let signature: [UInt8]

    /// Creates an envelope from stored parts (the signature must be 64 bytes; it is not verified here).
    public init(index: UInt64, previousHash: MerkleHash, payload: AuditPayload, signature: [UInt8]) throws(MerkleLogError) {
        guard signature.count == Self.signatureCount else {
            throw MerkleLogError(.invalidEntry, "entry \(index): an Ed25519 signature must be 64 bytes, got \(signature.count)")
        }
        self.index = index
        self.previousHash = previousHash
        self.payload = payload
        self.signature = signature
    }

    /// The payload digest the signature and the leaf cover.
    public var payloadDigest: MerkleHash { payload.digest }

    /// The RFC 9162 leaf hash `SHA-256(0x00 ‖ leafData)`.
    public var leafHash: MerkleHash { leafHash(payloadDigest: payloadDigest) }

    /// The RFC 9162 leaf input bytes.
    public var leafData: [UInt8] {
        EntryEncoding.leafData(index: index, previousHash: previousHash, payloadDigest: payloadDigest, signature: signature)
    }

    func leafHash(payloadDigest: MerkleHash) -> MerkleHash {
        EntryEncoding.leafHash(index: index, previousHash: previousHash, payloadDigest: payloadDigest, signature: signature)
    }

    /// The message the log key signs for an entry.
    public static func signedMessage(origin: String, index: UInt64, payloadDigest: MerkleHash) -> [UInt8] {
        EntryEncoding.signedMessage(origin: origin, index: index, payloadDigest: payloadDigest)
    }

    /// Whether the signature is the log key's over this entry's origin, index and payload digest.
    public func hasValidSignature(origin: String, key: NoteVerifierKey) -> Bool {
        hasValidSignature(origin: origin, key: key, index: index, payloadDigest: payloadDigest)
    }

    func hasValidSignature(origin: String, key: NoteVerifierKey, index: UInt64, payloadDigest: MerkleHash) -> Bool {
        key.isValidSignature(signature, for: EntryEncoding.signedMessage(origin: origin, index: index, payloadDigest: payloadDigest))
    }

    /// The same entry with the named sealed fields erased; it still verifies.
    public func redacting(_ names: some Sequence<String>) -> AuditEnvelope {
        AuditEnvelope(unchecked: self, payload: payload.redacting(names))
    }

    private init(unchecked other: AuditEnvelope, payload: AuditPayload) {
        self.index = other.index
        self.previousHash = other.previousHash
        self.payload = payload
        self.signature = other.signature
    }
}
