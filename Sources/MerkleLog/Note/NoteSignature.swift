/// One signature line of a signed note: `— <key name> <base64(key ID ‖ signature)>`.
public struct NoteSignature: Sendable, Hashable {
    /// The name of the key that claims to have signed.
    public var keyName: String
    /// The 32-bit key ID (big-endian first four bytes of the base64 payload).
    public var keyID: UInt32
    /// The signature bytes after the key ID (64 bytes for Ed25519).
    public var signature: [UInt8]

    /// Creates a signature line's contents.
    public init(keyName: String, keyID: UInt32, signature: [UInt8]) {
        self.keyName = keyName
        self.keyID = keyID
        self.signature = signature
    }

    /// The line without its trailing newline.
    public var line: String {
        let id: [UInt8] = [UInt8(keyID >> 24), UInt8(keyID >> 16 & 0xFF), UInt8(keyID >> 8 & 0xFF), UInt8(keyID & 0xFF)]
        return "\u{2014} \(keyName) \(Base64.encode(id + signature))"
    }

    /// Whether this line claims to be by `key` (same name and key ID).
    public func isClaimed(by key: NoteVerifierKey) -> Bool {
        keyName == key.name && keyID == key.keyID
    }
}
