import HeraldCore
import MerkleLog

/// The byte form of the Merkle log's writer state kept in ``AuditLogHead/state``:
/// `u64 size ‖ last leaf hash (32) ‖ frontier hashes (32 each, one per set bit of size, largest first)`.
/// The empty log's state is empty.
enum AuditHeadCoding {
    static func encode(_ state: AuditLogState) -> AuditLogHead {
        guard state.size > 0 else { return .empty }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + 32 * (1 + state.frontier.hashes.count))
        withUnsafeBytes(of: state.size.bigEndian) { bytes += $0 }
        bytes += state.lastLeafHash.bytes
        for hash in state.frontier.hashes { bytes += hash.bytes }
        return AuditLogHead(size: state.size, state: bytes)
    }

    static func decode(_ head: AuditLogHead) throws -> AuditLogState {
        if head.size == 0 && head.state.isEmpty { return .empty }
        func bad(_ why: String) -> HeraldError { .auditLogInconsistent("the stored audit log head is unreadable: \(why)") }
        let bytes = head.state
        guard bytes.count >= 40, (bytes.count - 40) % 32 == 0 else { throw bad("\(bytes.count) bytes") }
        let size = bytes[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard size == head.size else { throw bad("its state is for \(size) entries, its size column says \(head.size)") }
        do {
            let last = try MerkleHash(bytes: bytes[8..<40])
            var hashes: [MerkleHash] = []
            var offset = 40
            while offset < bytes.count {
                hashes.append(try MerkleHash(bytes: bytes[offset..<(offset + 32)]))
                offset += 32
            }
            return try AuditLogState(frontier: CompactRange(size: size, hashes: hashes), lastLeafHash: last)
        } catch {
            throw bad(error.message)
        }
    }
}
