import Foundation

/// A C2SP checkpoint body (c2sp.org/tlog-checkpoint): the log's origin, tree size and root hash,
/// plus optional extension lines.
///
/// ```
/// audit.herald.example/log
/// 8
/// XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=
/// time 1700000000
/// ```
///
/// Herald writes the issue time as the extension line `time <unix seconds>` (see ``issuedAt``), so
/// the time is covered by the log's signature.
///
/// ```swift
/// let checkpoint = Checkpoint(origin: origin, size: state.size, rootHash: state.rootHash, issuedAt: .now)
/// let parsed = try Checkpoint(parsing: checkpoint.text)
/// ```
public struct Checkpoint: Sendable, Hashable {
    /// The prefix of Herald's issue-time extension line.
    public static let timeExtensionPrefix = "time "

    /// The log's unique identity.
    public var origin: String
    /// The number of leaves in the tree.
    public var size: UInt64
    /// The RFC 9162 root hash of the first ``size`` leaves.
    public var rootHash: MerkleHash
    /// Extension lines (non-empty, without newlines).
    public var extensions: [String]

    /// Creates a checkpoint; `issuedAt` (whole seconds) becomes a `time` extension line.
    public init(origin: String, size: UInt64, rootHash: MerkleHash, issuedAt: Date? = nil, extensions: [String] = []) {
        self.origin = origin
        self.size = size
        self.rootHash = rootHash
        self.extensions = extensions
        if let issuedAt {
            self.extensions.insert(Self.timeExtensionPrefix + String(Int64(issuedAt.timeIntervalSince1970.rounded(.down))), at: 0)
        }
    }

    /// Parses a checkpoint body (the signed note's text).
    public init(parsing text: String) throws(MerkleLogError) {
        func malformed(_ why: String) -> MerkleLogError { MerkleLogError(.malformedCheckpoint, why) }
        guard text.utf8.last == 0x0A else { throw malformed("a checkpoint must end with a newline") }
        let lines = text.utf8.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard lines.count >= 3 else { throw malformed("a checkpoint needs an origin, a tree size and a root hash") }
        let origin = lines[0]
        guard !origin.isEmpty else { throw malformed("the origin line is empty") }
        let sizeText = lines[1]
        guard !sizeText.isEmpty, sizeText.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              sizeText == "0" || sizeText.utf8.first != 0x30, let size = UInt64(sizeText) else {
            throw malformed("the tree size \"\(sizeText.prefix(40))\" is not a decimal number without leading zeros")
        }
        let rootHash: MerkleHash
        do {
            rootHash = try MerkleHash(base64: lines[2])
        } catch {
            throw malformed("the root hash line is not the base64 of 32 bytes")
        }
        let extensions = Array(lines.dropFirst(3))
        guard !extensions.contains(where: \.isEmpty) else { throw malformed("extension lines must not be empty") }
        self.init(origin: origin, size: size, rootHash: rootHash, extensions: extensions)
    }

    /// The body text: origin, size, base64 root and extension lines, each ending in a newline.
    public var text: String {
        ([origin, String(size), rootHash.base64] + extensions).map { $0 + "\n" }.joined()
    }

    /// The issue time from the first `time <unix seconds>` extension line, if any.
    public var issuedAt: Date? {
        for line in extensions where line.hasPrefix(Self.timeExtensionPrefix) {
            if let seconds = Int64(line.dropFirst(Self.timeExtensionPrefix.count)) {
                return Date(timeIntervalSince1970: TimeInterval(seconds))
            }
        }
        return nil
    }
}
