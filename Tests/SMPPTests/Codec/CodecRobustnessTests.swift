import NIOCore
import Testing
@testable import SMPP

/// Deterministic mutation testing of the decoder (the libFuzzer target in Fuzz/ goes further).
@Suite("Codec robustness")
struct CodecRobustnessTests {
    /// SplitMix64: a tiny seeded generator so failures reproduce.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func mutatedVectorsNeverTrapAndReencodeConsistently() {
        var rng = SeededGenerator(state: 0x5EED)
        let decoder = PDUDecoder()
        let encoder = PDUEncoder()
        var decodedCount = 0
        for _ in 0..<20_000 {
            let vector = PDUVectors.all.randomElement(using: &rng)!
            var bytes = Array(vector.bytes.readableBytesView)
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                switch Int.random(in: 0..<3, using: &rng) {
                case 0 where !bytes.isEmpty:
                    bytes[Int.random(in: 16..<max(17, bytes.count), using: &rng) % bytes.count] = UInt8.random(in: 0...255, using: &rng)
                case 1 where bytes.count > 16:
                    bytes.removeLast(Int.random(in: 1...(bytes.count - 16), using: &rng))
                default:
                    bytes += (0..<Int.random(in: 1...8, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
                }
            }
            // Keep command_length consistent half of the time so bodies get exercised.
            if Bool.random(using: &rng), bytes.count >= 4 {
                let n = UInt32(bytes.count)
                bytes[0] = UInt8(n >> 24); bytes[1] = UInt8(n >> 16 & 0xFF); bytes[2] = UInt8(n >> 8 & 0xFF); bytes[3] = UInt8(n & 0xFF)
            }
            guard let pdu = try? decoder.decode(frame: ByteBuffer(bytes: bytes)) else { continue }
            decodedCount += 1
            // Whatever decodes must re-encode (or fail with a typed error) and decode to the same value.
            if let reencoded = try? encoder.encode(pdu), let again = try? decoder.decode(frame: reencoded) {
                let twice = try? encoder.encode(again)
                #expect(twice == reencoded, "unstable re-encoding of \(pdu.commandID)")
            }
        }
        #expect(decodedCount > 1_000)
    }
}
