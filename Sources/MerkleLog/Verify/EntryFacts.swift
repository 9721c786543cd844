import Dispatch
import Synchronization

/// What can be computed about one bundle entry on its own: digest, leaf hash, whether its
/// signature verifies under its claimed index, and the state of its sealed fields.
struct EntryFacts: Sendable {
    let payloadDigest: MerkleHash
    let leafHash: MerkleHash
    let signatureValid: Bool
    /// Sealed fields whose value and salt no longer open their commitment.
    let alteredFields: [String]
    /// Sealed fields whose value and salt were erased.
    let redactedFields: [String]

    init(entry: AuditEnvelope, origin: String, key: NoteVerifierKey) {
        let digest = entry.payloadDigest
        self.payloadDigest = digest
        self.leafHash = entry.leafHash(payloadDigest: digest)
        self.signatureValid = entry.hasValidSignature(origin: origin, key: key, index: entry.index, payloadDigest: digest)
        var altered: [String] = []
        var redacted: [String] = []
        for field in entry.payload.sealedFields {
            switch field.openingMatchesCommitment {
            case nil: redacted.append(field.name)
            case false?: altered.append(field.name)
            case true?: break
            }
        }
        self.alteredFields = altered
        self.redactedFields = redacted
    }

    /// Facts for all entries; signature checks (the dominant cost) run on all cores when `parallel`.
    static func analyse(_ entries: [AuditEnvelope], origin: String, key: NoteVerifierKey, parallel: Bool) -> [EntryFacts] {
        guard parallel, entries.count >= 512 else {
            return entries.map { EntryFacts(entry: $0, origin: origin, key: key) }
        }
        let chunkCount = min(entries.count / 256, 256)
        let chunkSize = (entries.count + chunkCount - 1) / chunkCount
        let results = ChunkResults(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let start = min(chunk * chunkSize, entries.count)
            let end = min(start + chunkSize, entries.count)
            results.store(entries[start..<end].map { EntryFacts(entry: $0, origin: origin, key: key) }, at: chunk)
        }
        return results.joined()
    }
}

/// Per-chunk results of a parallel pass, collected under a lock.
private final class ChunkResults: Sendable {
    private let chunks: Mutex<[[EntryFacts]]>

    init(count: Int) {
        chunks = Mutex(Array(repeating: [], count: count))
    }

    func store(_ facts: [EntryFacts], at chunk: Int) {
        chunks.withLock { $0[chunk] = facts }
    }

    func joined() -> [EntryFacts] {
        chunks.withLock { Array($0.joined()) }
    }
}
