/// The error every `MerkleLog` API throws: a stable machine-readable ``Code`` plus a human sentence.
///
/// Match on ``code`` (its raw value is stable across releases); show ``message`` to people.
///
/// ```swift
/// do {
///     _ = try NoteVerifierKey(parsing: text)
/// } catch let error where error.code == .invalidKey {
///     print(error.message)
/// }
/// ```
public struct MerkleLogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable error codes; the raw value never changes once released.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// A hash was not exactly 32 bytes or not valid base64/hex.
        case invalidHash = "merkle.invalid-hash"
        /// A leaf index or tree size lies outside the tree.
        case indexOutOfRange = "merkle.index-out-of-range"
        /// An inclusion or consistency proof does not verify.
        case invalidProof = "merkle.invalid-proof"
        /// A compact range's hashes do not fit its size.
        case invalidCompactRange = "merkle.invalid-compact-range"
        /// A ``MerkleHashStore`` returned data that does not fit the request.
        case storeInconsistent = "merkle.store-inconsistent"
        /// A signed note is not well-formed (syntax, encoding, control characters).
        case malformedNote = "note.malformed"
        /// A verifier or signer key string, or a key name, is not well-formed.
        case invalidKey = "note.invalid-key"
        /// A note carries no signature by the expected key.
        case unverifiedNote = "note.unverified"
        /// A note carries a signature by the expected key that does not verify.
        case invalidSignature = "note.invalid-signature"
        /// Producing an Ed25519 signature failed.
        case signingFailed = "note.signing-failed"
        /// A checkpoint body is not well-formed.
        case malformedCheckpoint = "checkpoint.malformed"
        /// A checkpoint names another log than the expected origin.
        case wrongOrigin = "checkpoint.wrong-origin"
        /// A log origin is empty or contains characters a checkpoint line cannot hold.
        case invalidOrigin = "log.invalid-origin"
        /// An audit payload or envelope is not well-formed.
        case invalidEntry = "log.invalid-entry"
        /// A writer state (size, frontier, last leaf hash) is not self-consistent.
        case invalidState = "log.invalid-state"
        /// An audit bundle file cannot be read.
        case malformedBundle = "bundle.malformed"
        /// An audit bundle uses a format version this library does not know.
        case unsupportedBundleVersion = "bundle.unsupported-version"
        /// Entries or checkpoints were given to a bundle builder out of order or inconsistently.
        case invalidBundleInput = "bundle.invalid-input"
    }

    /// The stable code.
    public let code: Code
    /// A human sentence describing what is wrong.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
