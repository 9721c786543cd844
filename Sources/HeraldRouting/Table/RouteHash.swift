/// The deterministic pseudo-random numbers behind the weighted choice: seeded from the message id, so a
/// retry of one message sees the same link order, while many messages spread over links by weight.
///
/// FNV-1a (64 bit) over the key's UTF-8 bytes, then SplitMix64 steps. Not cryptographic: it only has to
/// spread keys evenly and be stable across processes and releases (Swift's `Hasher` is seeded per process,
/// so it cannot be used).
struct RouteHash {
    private var state: UInt64

    init(key: String, salt: UInt64 = 0) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        state = hash ^ (salt &* 0x9e37_79b9_7f4a_7c15)
    }

    /// The next 64 pseudo-random bits.
    mutating func next() -> UInt64 {
        state = state &+ 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (`bound > 0`); the modulo bias is below 2⁻³² for any bound a rule can have.
    mutating func next(below bound: UInt64) -> UInt64 {
        next() % bound
    }
}
