import HeraldCore
import Synchronization

/// A deterministic random source for tests: a simple counter-based generator (not secure).
public final class SequenceRandomSource: RandomSource {
    private let state: Mutex<UInt64>

    public init(seed: UInt64 = 0x5EED) {
        state = Mutex(seed)
    }

    public func bytes(_ count: Int) -> [UInt8] {
        state.withLock { state in
            var out: [UInt8] = []
            out.reserveCapacity(count)
            while out.count < count {
                // SplitMix64 step.
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                z ^= z >> 31
                for shift in stride(from: 0, to: 64, by: 8) where out.count < count { out.append(UInt8(truncatingIfNeeded: z >> UInt64(shift))) }
            }
            return out
        }
    }
}
