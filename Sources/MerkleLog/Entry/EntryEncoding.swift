import Crypto

/// The byte strings that entry digests, signatures and leaves are computed over (docs/audit-bundle.md,
/// "Entry hashing and signing"). All integers are big-endian.
enum EntryEncoding {
    static let payloadContext = Array("herald.audit.payload.v1".utf8) + [0x00]
    static let entryContext = Array("herald.audit.entry.v1".utf8) + [0x00]
    static let leafVersion: UInt8 = 0x01
    static let leafDataCount = 1 + 8 + 32 + 32 + 64

    /// `SHA-256("herald.audit.payload.v1" ‖ 0x00 ‖ u32 len(public) ‖ public ‖ u32 count ‖ (u16 len(name) ‖ name ‖ commitment)*)`.
    static func payloadDigest(publicData: [UInt8], sealedFields: [SealedField]) -> MerkleHash {
        var hasher = SHA256()
        hasher.update(data: payloadContext)
        update(&hasher, UInt32(publicData.count))
        hasher.update(data: publicData)
        update(&hasher, UInt32(sealedFields.count))
        for field in sealedFields {
            let name = Array(field.name.utf8)
            withUnsafeBytes(of: UInt16(name.count).bigEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: name)
            field.commitment.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        }
        return MerkleHash(hasher.finalize())
    }

    /// `"herald.audit.entry.v1" ‖ 0x00 ‖ u16 len(origin) ‖ origin ‖ u64 index ‖ payload digest`:
    /// what the log key signs for each entry. The NUL byte keeps it from ever being a valid
    /// signed-note text, so entry signatures and checkpoint signatures cannot be confused.
    static func signedMessage(origin: String, index: UInt64, payloadDigest: MerkleHash) -> [UInt8] {
        let originBytes = Array(origin.utf8)
        var message: [UInt8] = []
        message.reserveCapacity(entryContext.count + 2 + originBytes.count + 8 + 32)
        message += entryContext
        withUnsafeBytes(of: UInt16(truncatingIfNeeded: originBytes.count).bigEndian) { message += $0 }
        message += originBytes
        withUnsafeBytes(of: index.bigEndian) { message += $0 }
        payloadDigest.withUnsafeBytes { message += $0 }
        return message
    }

    /// `0x01 ‖ u64 index ‖ previous hash ‖ payload digest ‖ signature`: the RFC 9162 leaf input.
    static func leafHash(index: UInt64, previousHash: MerkleHash, payloadDigest: MerkleHash, signature: [UInt8]) -> MerkleHash {
        withUnsafeTemporaryAllocation(byteCount: leafDataCount, alignment: 8) { buffer in
            buffer[0] = leafVersion
            withUnsafeBytes(of: index.bigEndian) { UnsafeMutableRawBufferPointer(rebasing: buffer[1..<9]).copyMemory(from: $0) }
            previousHash.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: buffer[9..<41]).copyMemory(from: $0) }
            payloadDigest.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: buffer[41..<73]).copyMemory(from: $0) }
            signature.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: buffer[73..<137]).copyMemory(from: $0) }
            return TreeHasher.leafHash(raw: UnsafeRawBufferPointer(buffer))
        }
    }

    /// The leaf input bytes (for documentation and tests; ``leafHash`` avoids the allocation).
    static func leafData(index: UInt64, previousHash: MerkleHash, payloadDigest: MerkleHash, signature: [UInt8]) -> [UInt8] {
        var data: [UInt8] = [leafVersion]
        withUnsafeBytes(of: index.bigEndian) { data += $0 }
        data += previousHash.bytes
        data += payloadDigest.bytes
        data += signature
        return data
    }

    /// `SHA-256(salt ‖ value)`.
    static func commitment(salt: [UInt8], value: [UInt8]) -> MerkleHash {
        var hasher = SHA256()
        hasher.update(data: salt)
        hasher.update(data: value)
        return MerkleHash(hasher.finalize())
    }

    private static func update(_ hasher: inout SHA256, _ value: UInt32) {
        withUnsafeBytes(of: value.bigEndian) { hasher.update(bufferPointer: $0) }
    }
}
