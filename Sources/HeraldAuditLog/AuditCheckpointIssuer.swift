import Foundation
import HeraldCore
import Logging
import MerkleLog

/// Signs and stores checkpoints of the audit log, but only of a tree that extends the previous one with
/// entries this log signed.
///
/// Before signing the tree of size *n*, the issuer
/// 1. checks every entry added since the last checkpoint it knows (the one it issued last, or the latest
///    stored one when its signature verifies): its signature by the log key under its index, its leaf hash
///    recomputed from its content, and its link to the previous entry — except that a leaf this process
///    sealed itself is known to be authentic from its hash alone (``SealedLeafRegistry``);
/// 2. recomputes the root from the stored leaf hashes and compares it with the log head; and
/// 3. proves from the stored hashes that the tree extends that last checkpoint.
///
/// A database whose entries were removed, reordered, rewritten or forged is therefore never signed over:
/// the issuer refuses with `audit_log_inconsistent` and logs a critical message within one checkpoint
/// interval, and a tamperer cannot get a fresh checkpoint that hides their change from auditors.
///
/// ```swift
/// let issuer = AuditCheckpointIssuer(identity: identity, store: store, clock: SystemClock(), logger: logger)
/// let checkpoint = try await issuer.issue(force: false)   // the current one when the log did not grow
/// ```
public actor AuditCheckpointIssuer {
    let identity: AuditLogIdentity
    let store: any AuditLogStore
    let clock: any HeraldClock
    let logger: Logger
    let leaves: SealedLeafRegistry?
    private let signer: CheckpointSigner
    private var last: AuditCheckpointRecord?

    /// - Parameter leaves: the leaves this process's sealer produced; entries among them are not verified
    ///   again (see ``SealedLeafRegistry``). `nil` verifies every new entry's signature.
    public init(identity: AuditLogIdentity, store: any AuditLogStore, clock: any HeraldClock, leaves: SealedLeafRegistry? = nil, logger: Logger) {
        self.identity = identity
        self.store = store
        self.clock = clock
        self.leaves = leaves
        self.logger = logger
        // The identity's origin was validated when it was made.
        self.signer = try! CheckpointSigner(origin: identity.origin, key: identity.signerKey)
    }

    /// Returns a checkpoint of the current tree: a new one when the log grew since the last (or when
    /// `force` asks for a fresh issue time), else the last one.
    ///
    /// - Throws: ``HeraldError`` `audit_log_inconsistent` when the stored log does not extend the last checkpoint.
    @discardableResult
    public func issue(force: Bool) async throws -> AuditCheckpointRecord {
        let head = try await store.auditLogHead()
        let state = try AuditHeadCoding.decode(head)
        let previous = try await previousCheckpoint()
        if let previous, previous.size == head.size, previous.rootHash == state.rootHash.bytes, !force {
            return previous
        }
        let checked: [MerkleHash]
        do {
            checked = try await checkEntries(from: min(previous?.size ?? 0, head.size), to: head.size)
            try await checkTree(head: state, previous: previous)
        } catch let error as HeraldError where error.code == "audit_log_inconsistent" {
            logger.critical("refusing to sign an audit checkpoint", metadata: ["reason": "\(error.message)"])
            throw error
        }
        let now = clock.now()
        let signed: SignedCheckpoint
        do {
            signed = try signer.sign(state: state, issuedAt: now.date)
        } catch {
            throw HeraldError(.internal, code: "audit_log_key_invalid", "signing a checkpoint failed: \(error.message)")
        }
        let seconds = Timestamp(millisecondsSince1970: now.millisecondsSince1970 / 1000 * 1000)
        let record = AuditCheckpointRecord(size: state.size, rootHash: state.rootHash.bytes, issuedAt: seconds, note: signed.serialized)
        try await store.saveAuditCheckpoint(record)
        last = record
        leaves?.remove(checked)
        return record
    }

    /// The checkpoint new ones must extend: the last one issued here, else the latest stored one if it is
    /// validly signed by this log's key (a stored one that is not is ignored, loudly).
    private func previousCheckpoint() async throws -> AuditCheckpointRecord? {
        if let last { return last }
        guard let stored = try await store.latestAuditCheckpoint() else { return nil }
        let verifier = CheckpointVerifier(origin: identity.origin, key: identity.noteVerifierKey)
        guard let opened = try? verifier.verify(stored.note), opened.size == stored.size, opened.rootHash.bytes == stored.rootHash else {
            logger.critical("the latest stored audit checkpoint is not validly signed by this log's key; ignoring it", metadata: ["size": "\(stored.size)"])
            return nil
        }
        last = stored
        return stored
    }

    /// Entries read per query while checking new entries.
    static let pageSize = 1_000

    /// Checks that the stored leaf hashes give the head's root and that the tree extends `previous`.
    private func checkTree(head: AuditLogState, previous: AuditCheckpointRecord?) async throws {
        let proofs = StoredProofs(store: store)
        let size = head.size
        if let previous {
            guard previous.size <= size else {
                throw HeraldError.auditLogInconsistent(
                    "the audit log has \(size) entries but checkpoint \(previous.size) was signed earlier: entries were removed")
            }
            guard let previousRoot = try? MerkleHash(bytes: previous.rootHash) else {
                throw HeraldError.auditLogInconsistent("the stored root of checkpoint \(previous.size) is not a hash")
            }
            let (root, proof) = try await proofs.compute(size: size) { generator in
                (try generator.rootHash(treeSize: size), try generator.consistencyProof(from: previous.size, to: size))
            }
            guard root == head.rootHash else {
                throw HeraldError.auditLogInconsistent("the stored leaf hashes do not match the audit log head at size \(size)")
            }
            guard proof.isValid(fromRoot: previousRoot, toRoot: root) else {
                throw HeraldError.auditLogInconsistent(
                    "the audit log of size \(size) does not extend checkpoint \(previous.size): entries before \(previous.size) were changed")
            }
        } else if size > 0 {
            let root = try await proofs.compute(size: size) { try $0.rootHash(treeSize: size) }
            guard root == head.rootHash else {
                throw HeraldError.auditLogInconsistent("the stored leaf hashes do not match the audit log head at size \(size)")
            }
        }
    }

    /// Leaf hashes read per query while checking new entries.
    static let leafPageSize = 10_000

    /// Checks the entries `start ..< end` before they are signed over. A stored leaf hash this process
    /// sealed (see ``SealedLeafRegistry``) stands for exactly the entry it signed at that index after
    /// exactly that predecessor, so the checkpoint commits to authentic leaves; any other entry is read
    /// and must be present in order, signed by this log's key under its index, give its stored leaf hash
    /// and be chained to the one before. Returns the leaf hashes checked.
    private func checkEntries(from start: UInt64, to end: UInt64) async throws -> [MerkleHash] {
        guard start < end else { return [] }
        var checked: [MerkleHash] = []
        var next = start
        while next < end {
            let upper = min(end, next + UInt64(Self.leafPageSize))
            let stored = try await store.auditLeafHashes(in: next..<upper)
            guard stored.count == Int(upper - next) else {
                throw HeraldError.auditLogInconsistent("entries \(next)…\(upper - 1) should be in the audit log but \(stored.count) of \(upper - next) were found")
            }
            let hashes = try stored.enumerated().map { offset, bytes -> MerkleHash in
                guard let hash = try? MerkleHash(bytes: bytes) else {
                    throw HeraldError.auditLogInconsistent("entry \(next + UInt64(offset)) has a stored leaf hash of \(bytes.count) bytes")
                }
                return hash
            }
            if let leaves, let firstUnknown = hashes.firstIndex(where: { !leaves.contains($0) }) {
                try await verifyEntries(from: next + UInt64(firstUnknown), to: upper)
            } else if leaves == nil {
                try await verifyEntries(from: next, to: upper)
            }
            checked += hashes
            next = upper
        }
        return checked
    }

    /// Reads the entries `start ..< end` and checks each in full: present in order, its stored leaf hash
    /// the one its content gives, chained to the one before, and — unless this process sealed it — signed
    /// by this log's key under its index.
    private func verifyEntries(from start: UInt64, to end: UInt64) async throws {
        var previousLeaf: [UInt8]
        if start == 0 {
            previousLeaf = MerkleHash.zero.bytes
        } else {
            guard let leaf = try await store.auditLeafHashes(in: (start - 1)..<start).first else {
                throw HeraldError.auditLogInconsistent("entry \(start - 1) is missing from the audit log")
            }
            previousLeaf = leaf
        }
        let key = identity.noteVerifierKey
        var next = start
        while next < end {
            let records = try await store.auditRecords(from: next, limit: Int(min(UInt64(Self.pageSize), end - next)), includingSealedValues: false)
            guard !records.isEmpty else { throw HeraldError.auditLogInconsistent("entry \(next) is missing from the audit log") }
            for record in records {
                guard record.index == next else {
                    throw HeraldError.auditLogInconsistent("entry \(next) is missing from the audit log (the next stored one is \(record.index))")
                }
                guard let envelope = AuditRecordEnvelope.envelope(record) else {
                    throw HeraldError.auditLogInconsistent("entry \(next) is damaged: its stored form is not an audit entry")
                }
                let leaf = envelope.leafHash
                guard leaf.bytes == record.leafHash else {
                    throw HeraldError.auditLogInconsistent("entry \(next)'s stored leaf hash does not match its content")
                }
                // A leaf this process sealed is what it signed; anything else must carry a valid signature.
                guard leaves?.contains(leaf) == true || envelope.hasValidSignature(origin: identity.origin, key: key) else {
                    throw HeraldError.auditLogInconsistent("entry \(next) is not signed by this log's key: it was forged or changed")
                }
                guard record.previousHash == previousLeaf else {
                    throw HeraldError.auditLogInconsistent("entry \(next) is not chained to entry \(next - 1)")
                }
                previousLeaf = record.leafHash
                next += 1
                if next == end { break }
            }
        }
    }
}
