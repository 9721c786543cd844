/// A checkpoint that is validly signed by the trusted key, and where it came from.
struct TrustedCheckpoint: Sendable {
    enum Source: Sendable, Hashable {
        /// The n-th (0-based) checkpoint line of the bundle.
        case bundle(Int)
        /// The n-th (0-based) checkpoint the auditor kept from before.
        case known(Int)
    }

    let checkpoint: SignedCheckpoint
    let source: Source

    var size: UInt64 { checkpoint.size }
    var rootHash: MerkleHash { checkpoint.rootHash }

    var label: String {
        switch source {
        case .bundle(let n): "the bundle's checkpoint #\(n + 1) (size \(size))"
        case .known(let n): "your previously known checkpoint #\(n + 1) (size \(size))"
        }
    }

    var isKnown: Bool {
        if case .known = source { return true }
        return false
    }
}
