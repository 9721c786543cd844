import HeraldCore
import MerkleLog

/// The ``AuditSealer`` of Herald's Merkle audit log: each event becomes an ``AuditEnvelope`` signed with
/// the log key and chained to the previous entry; its sensitive values become ``SealedField``s with fresh
/// 32-byte salts (named by their keys, in sorted order), so they can be erased later.
///
/// ```swift
/// let sealer = try MerkleAuditSealer(identity: identity)
/// let store = try SQLiteHeraldStore(path: path, auditSealer: sealer)
/// ```
public struct MerkleAuditSealer: AuditSealer {
    /// Perfect subtrees of at least this height are reported for the store's cache (one per 256 entries).
    public static let subtreeCacheLevel = 8

    let writer: AuditLogWriter
    let random: any RandomSource
    let leaves: SealedLeafRegistry?

    /// - Parameters:
    ///   - random: source of the sealed fields' salts (cryptographically secure in production).
    ///   - leaves: where to note the leaves sealed, so this process's checkpoint issuer can trust them
    ///     without verifying their signatures again.
    public init(identity: AuditLogIdentity, random: any RandomSource = SystemRandomSource(), leaves: SealedLeafRegistry? = nil) throws {
        do {
            writer = try AuditLogWriter(origin: identity.origin, key: identity.signerKey, reportSubtreesFromLevel: Self.subtreeCacheLevel)
        } catch {
            throw HeraldError(.internal, code: "audit_log_key_invalid", "cannot sign the audit log: \(error.message)")
        }
        self.random = random
        self.leaves = leaves
    }

    public func seal(_ events: [AuditEvent], after head: AuditLogHead) throws -> AuditSealing {
        var state = try AuditHeadCoding.decode(head)
        var records: [SealedAuditRecord] = []
        records.reserveCapacity(events.count)
        var subtrees: [AuditSubtreeHash] = []
        var sealedLeaves: [MerkleHash] = []
        sealedLeaves.reserveCapacity(leaves == nil ? 0 : events.count)
        for event in events {
            let result: AuditAppendResult
            do {
                result = try append(event, to: state)
            } catch {
                throw HeraldError(.internal, code: "audit_seal_failed", "cannot seal audit event '\(event.action)': \(error.message)")
            }
            records.append(Self.record(result.envelope, leafHash: result.leafHash, event: event))
            if leaves != nil { sealedLeaves.append(result.leafHash) }
            subtrees += result.completedSubtrees.map {
                AuditSubtreeHash(key: AuditSubtreeKey(level: $0.level, index: $0.index), hash: $0.hash.bytes)
            }
            state = result.state
        }
        leaves?.insert(sealedLeaves)
        return AuditSealing(records: records, subtrees: subtrees, head: AuditHeadCoding.encode(state))
    }

    /// Seals one event's sensitive values (sorted by name) and signs and chains it after `state`.
    private func append(_ event: AuditEvent, to state: AuditLogState) throws(MerkleLogError) -> AuditAppendResult {
        var fields: [SealedField] = []
        for name in event.sensitive.keys.sorted() {
            fields.append(try SealedField.seal(name: name, value: Array((event.sensitive[name] ?? "").utf8), salt: random.bytes(SealedField.saltCount)))
        }
        let payload = try AuditPayload(publicData: AuditEventPayload.encode(event), sealedFields: fields)
        return try writer.append(payload, to: state)
    }

    static func record(_ envelope: AuditEnvelope, leafHash: MerkleHash, event: AuditEvent) -> SealedAuditRecord {
        SealedAuditRecord(
            index: envelope.index, at: event.at, action: event.action, target: event.target,
            previousHash: envelope.previousHash.bytes, publicPayload: envelope.payload.publicData,
            sealedFields: envelope.payload.sealedFields.map {
                AuditSealedField(name: $0.name, commitment: $0.commitment.bytes, salt: $0.opening?.salt, value: $0.opening?.value)
            },
            signature: envelope.signature, leafHash: leafHash.bytes)
    }
}
