/// Assembles an ``AuditBundle`` from envelopes and signed checkpoints, computing the consistency
/// proofs between successive checkpoints (and any requested inclusion proofs) from the entries.
///
/// It never refuses to export evidence: checkpoints that do not match the entries, or that are
/// larger than the entries given, go into the bundle as they are (the verifier reports them).
///
/// ```swift
/// var builder = AuditBundleBuilder(origin: origin, verifierKey: signer.verifierKey)
/// for envelope in try db.allAuditEntries() { try builder.append(envelope) }
/// for note in try db.allCheckpointNotes() { builder.addCheckpoint(note) }
/// try Data(builder.build().jsonLines()).write(to: url)
/// ```
public struct AuditBundleBuilder: Sendable {
    /// The log's origin.
    public let origin: String
    /// The verifier key named in the bundle header.
    public let verifierKey: NoteVerifierKey
    /// The entries appended so far.
    public private(set) var entries: [AuditEnvelope] = []
    private var store = InMemoryHashStore()
    private var checkpoints: [String] = []
    private var inclusionRequests: [UInt64] = []

    /// Creates an empty builder.
    public init(origin: String, verifierKey: NoteVerifierKey) {
        self.origin = origin
        self.verifierKey = verifierKey
    }

    /// Appends the next entry; its index must equal the number of entries so far.
    public mutating func append(_ envelope: AuditEnvelope) throws(MerkleLogError) {
        guard envelope.index == UInt64(entries.count) else {
            throw MerkleLogError(.invalidBundleInput, "expected entry \(entries.count), got entry \(envelope.index)")
        }
        entries.append(envelope)
        store.append(envelope.leafHash)
    }

    /// Appends entries in order.
    public mutating func append(contentsOf envelopes: some Sequence<AuditEnvelope>) throws(MerkleLogError) {
        for envelope in envelopes { try append(envelope) }
    }

    /// Adds a signed checkpoint note (as stored; it is not verified here).
    public mutating func addCheckpoint(_ note: String) {
        checkpoints.append(note)
    }

    /// Adds a signed checkpoint.
    public mutating func addCheckpoint(_ checkpoint: SignedCheckpoint) {
        checkpoints.append(checkpoint.serialized)
    }

    /// Requests an inclusion proof of entry `index` in the largest checkpointed tree that contains it.
    public mutating func addInclusionProof(forEntry index: UInt64) {
        inclusionRequests.append(index)
    }

    /// Builds the bundle: checkpoints sorted by size (duplicates removed), a consistency proof
    /// between each pair of successive sizes, and the requested inclusion proofs.
    public func build() throws(MerkleLogError) -> AuditBundle {
        let generator = ProofGenerator(store: store)
        // Sort by the size in the body; unparseable notes keep their place at the end (the verifier reports them).
        let sized = checkpoints.enumerated().map { offset, note in
            (note: note, size: (try? SignedNote(parsing: note)).flatMap { try? Checkpoint(parsing: $0.text) }?.size, offset: offset)
        }
        var seen = Set<String>()
        let ordered = sized.sorted { ($0.size ?? .max, $0.offset) < ($1.size ?? .max, $1.offset) }
            .filter { seen.insert($0.note).inserted }
        var sizes: [UInt64] = []
        for size in ordered.compactMap(\.size) where sizes.last != size { sizes.append(size) }
        let count = store.count
        var consistency: [ConsistencyProof] = []
        for (from, to) in zip(sizes, sizes.dropFirst()) where to <= count {
            consistency.append(try proof { try generator.consistencyProof(from: from, to: to) })
        }
        var inclusion: [InclusionProof] = []
        for index in inclusionRequests {
            guard let size = sizes.last(where: { $0 > index && $0 <= count }) else {
                throw MerkleLogError(.invalidBundleInput, "no checkpoint covers entry \(index)")
            }
            inclusion.append(try proof { try generator.inclusionProof(leafIndex: index, treeSize: size) })
        }
        return AuditBundle(
            origin: origin,
            verifierKey: verifierKey.description,
            checkpoints: ordered.map(\.note),
            consistencyProofs: consistency,
            inclusionProofs: inclusion,
            entries: entries
        )
    }

    private func proof<P>(_ body: () throws -> P) throws(MerkleLogError) -> P {
        do {
            return try body()
        } catch let error as MerkleLogError {
            throw error
        } catch {
            throw MerkleLogError(.invalidBundleInput, "\(error)")
        }
    }
}
