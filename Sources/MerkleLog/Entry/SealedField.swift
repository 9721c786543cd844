/// A sensitive payload field kept out of the hash chain: the entry commits only to
/// `SHA-256(salt ‖ value)` with a random 32-byte salt, so the value and salt can later be erased
/// (data minimisation) while the entry, its signature and every proof still verify. An auditor
/// then sees the field as *redacted*, not *edited*.
///
/// ```swift
/// let text = try SealedField.seal(name: "text", value: Array(message.utf8))
/// let payload = try AuditPayload(publicData: json, sealedFields: [text])
/// // … later, to erase: payload.redacting(["text"])
/// ```
public struct SealedField: Sendable, Hashable {
    /// The salt length in bytes.
    public static let saltCount = 32

    /// The value and salt that open a commitment.
    public struct Opening: Sendable, Hashable {
        /// 32 random bytes.
        public let salt: [UInt8]
        /// The sensitive value.
        public let value: [UInt8]

        /// Creates an opening; the salt must be 32 bytes.
        public init(salt: [UInt8], value: [UInt8]) throws(MerkleLogError) {
            guard salt.count == SealedField.saltCount else {
                throw MerkleLogError(.invalidEntry, "a sealed field's salt must be \(SealedField.saltCount) bytes, got \(salt.count)")
            }
            self.salt = salt
            self.value = value
        }
    }

    /// The field name (1…255 UTF-8 bytes, no control characters), unique within a payload.
    public let name: String
    /// `SHA-256(salt ‖ value)`: what the entry signature and the tree commit to.
    public let commitment: MerkleHash
    /// The value and salt, or `nil` once erased.
    public let opening: Opening?

    /// Creates a field from stored parts. The opening is not checked here: a verifier reports a
    /// mismatch as an edit (see ``openingMatchesCommitment``).
    public init(name: String, commitment: MerkleHash, opening: Opening?) throws(MerkleLogError) {
        try Self.validate(name: name)
        self.name = name
        self.commitment = commitment
        self.opening = opening
    }

    /// Seals a value with a fresh random salt from `generator` (which must be cryptographically secure).
    public static func seal<R: RandomNumberGenerator>(name: String, value: [UInt8], using generator: inout R) throws(MerkleLogError) -> SealedField {
        return try seal(name: name, value: value, salt: RandomBytes.make(count: saltCount, using: &generator))
    }

    /// Seals a value with a fresh salt from the system's secure random source.
    public static func seal(name: String, value: [UInt8]) throws(MerkleLogError) -> SealedField {
        var generator = SystemRandomNumberGenerator()
        return try seal(name: name, value: value, using: &generator)
    }

    /// Seals a value with a given salt (for tests and re-derivation).
    public static func seal(name: String, value: [UInt8], salt: [UInt8]) throws(MerkleLogError) -> SealedField {
        let opening = try Opening(salt: salt, value: value)
        return try SealedField(name: name, commitment: EntryEncoding.commitment(salt: salt, value: value), opening: opening)
    }

    /// Whether the value and salt have been erased.
    public var isRedacted: Bool { opening == nil }

    /// `true` if the opening matches the commitment, `false` if it was altered, `nil` if redacted.
    public var openingMatchesCommitment: Bool? {
        opening.map { EntryEncoding.commitment(salt: $0.salt, value: $0.value) == commitment }
    }

    /// The same field without its value and salt.
    public func redacted() -> SealedField {
        // The name was validated when self was created.
        (try? SealedField(name: name, commitment: commitment, opening: nil)) ?? self
    }

    static func validate(name: String) throws(MerkleLogError) {
        let bytes = name.utf8
        guard (1...255).contains(bytes.count), !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) else {
            throw MerkleLogError(.invalidEntry, "a sealed field name must be 1…255 bytes without control characters: \"\(name.prefix(40))\"")
        }
    }
}
