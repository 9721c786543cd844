/// Integer helpers shared by the tree, proof and verifier code.
enum TreeMath {
    /// The largest power of two strictly smaller than `n` (the RFC 9162 split point `k`); `n` must be ≥ 2.
    @inline(__always)
    static func largestPowerOfTwo(below n: UInt64) -> UInt64 {
        // n ≥ 2, so n - 1 ≥ 1 and the shift is in range.
        UInt64(1) << (63 - UInt64((n - 1).leadingZeroBitCount))
    }

    /// Whether `n` is a power of two (0 is not).
    @inline(__always)
    static func isPowerOfTwo(_ n: UInt64) -> Bool {
        n != 0 && n & (n - 1) == 0
    }
}
