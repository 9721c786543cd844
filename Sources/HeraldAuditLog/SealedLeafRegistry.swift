import MerkleLog
import Synchronization

/// The leaf hashes this process's ``MerkleAuditSealer`` produced and no checkpoint has covered yet.
///
/// An entry whose leaf hash (recomputed from its stored content) is in the registry is exactly what this
/// process signed, so the ``AuditCheckpointIssuer`` need not verify its Ed25519 signature again — which
/// costs about four times as much as signing. Entries written by other processes or nodes, or before a
/// restart, are verified in full. Bounded: beyond ``capacity`` hashes the oldest are forgotten (and then
/// verified in full); leaves of rolled-back transactions simply never show up.
///
/// ```swift
/// let leaves = SealedLeafRegistry()
/// let sealer = try MerkleAuditSealer(identity: identity, leaves: leaves)
/// let log = MerkleAuditLog(identity: identity, store: store, clock: clock, leaves: leaves, logger: logger)
/// ```
public final class SealedLeafRegistry: Sendable {
    private struct State {
        var members: Set<MerkleHash> = []
        var order: [MerkleHash] = []
        var start = 0
    }

    /// Most leaf hashes remembered (32 bytes each, plus the set's overhead).
    public let capacity: Int
    private let state = Mutex(State())

    public init(capacity: Int = 200_000) {
        self.capacity = max(1, capacity)
    }

    func insert(_ hashes: [MerkleHash]) {
        state.withLock { state in
            for hash in hashes where state.members.insert(hash).inserted {
                state.order.append(hash)
            }
            while state.members.count > capacity {
                state.members.remove(state.order[state.start])
                state.start += 1
            }
            if state.start > capacity {
                state.order.removeFirst(state.start)
                state.start = 0
            }
        }
    }

    func contains(_ hash: MerkleHash) -> Bool {
        state.withLock { $0.members.contains(hash) }
    }

    /// Forgets hashes a checkpoint now covers.
    func remove(_ hashes: [MerkleHash]) {
        guard !hashes.isEmpty else { return }
        state.withLock { state in
            for hash in hashes { state.members.remove(hash) }
            if state.members.isEmpty {
                state.order = []
                state.start = 0
            } else if state.order.count - state.start > 2 * state.members.count + 1024 {
                state.order = state.order[state.start...].filter { state.members.contains($0) }
                state.start = 0
            }
        }
    }

    var count: Int { state.withLock { $0.members.count } }
}
