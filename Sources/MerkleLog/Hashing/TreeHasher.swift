import Crypto
import Foundation

/// The RFC 9162 §2.1.1 Merkle tree hash functions over SHA-256.
///
/// A leaf hash is `SHA-256(0x00 ‖ entry)`, an interior node hash is `SHA-256(0x01 ‖ left ‖ right)` and
/// the root of the empty tree is `SHA-256()` of no input. The distinct prefixes keep a leaf from
/// ever being mistaken for a node (second-preimage resistance).
///
/// ```swift
/// let a = TreeHasher.leafHash(Array("a".utf8))
/// let b = TreeHasher.leafHash(Array("b".utf8))
/// let root = TreeHasher.nodeHash(a, b)   // root of the two-leaf tree
/// ```
public enum TreeHasher {
    /// The root hash of the empty tree: SHA-256 of the empty string.
    public static let emptyRoot: MerkleHash = MerkleHash(SHA256.hash(data: [UInt8]()))

    /// `SHA-256(0x00 ‖ entry)`.
    public static func leafHash(_ entry: some ContiguousBytes) -> MerkleHash {
        entry.withUnsafeBytes { leafHash(raw: $0) }
    }

    /// `SHA-256(0x00 ‖ entry)` over a raw buffer.
    public static func leafHash(raw entry: UnsafeRawBufferPointer) -> MerkleHash {
        var hasher = SHA256()
        withUnsafeBytes(of: UInt8(0x00)) { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: entry)
        return MerkleHash(hasher.finalize())
    }

    /// `SHA-256(0x01 ‖ left ‖ right)`.
    public static func nodeHash(_ left: MerkleHash, _ right: MerkleHash) -> MerkleHash {
        // One contiguous 65-byte stack buffer and a single update call.
        withUnsafeTemporaryAllocation(byteCount: 65, alignment: 8) { buffer in
            buffer[0] = 0x01
            left.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: buffer[1..<33]).copyMemory(from: $0) }
            right.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: buffer[33..<65]).copyMemory(from: $0) }
            var hasher = SHA256()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
            return MerkleHash(hasher.finalize())
        }
    }
}
