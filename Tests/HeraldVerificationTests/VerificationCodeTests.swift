import HeraldCore
import HeraldTestSupport
import Synchronization
import Testing

/// A random source that replays given 64-bit words (big-endian, as `uniform(below:)` reads them).
final class ScriptedRandomSource: RandomSource {
    private let words: Mutex<[UInt64]>

    init(_ words: [UInt64]) { self.words = Mutex(words) }

    func bytes(_ count: Int) -> [UInt8] {
        let word = words.withLock { $0.isEmpty ? 0 : $0.removeFirst() }
        return (0..<count).map { UInt8(truncatingIfNeeded: word >> UInt64(8 * (7 - $0 % 8))) }
    }
}

@Suite struct VerificationCodeTests {
    @Test(arguments: 4...10)
    func codesHaveTheRequestedNumberOfDigits(length: Int) {
        let generator = VerificationCodeGenerator(random: SequenceRandomSource(seed: UInt64(length)))
        for _ in 0..<200 {
            let code = generator.code(length: length)
            #expect(code.count == length)
            #expect(code.allSatisfy { $0.isASCII && $0.isNumber })
        }
    }

    @Test func leadingZerosAreKept() {
        let code = VerificationCodeGenerator(random: ScriptedRandomSource([42])).code(length: 6)
        #expect(code == "000042")
    }

    @Test func valuesInTheBiasedTailAreRejectedNotFolded() {
        // 2^64 mod 10^6 values at the top would wrap onto small codes; they must be drawn again.
        let limit = UInt64.max - (UInt64.max % 1_000_000)
        let code = VerificationCodeGenerator(random: ScriptedRandomSource([limit, UInt64.max, 123_456])).code(length: 6)
        #expect(code == "123456")
    }

    @Test func digitsAreRoughlyUniform() {
        let generator = VerificationCodeGenerator(random: SystemRandomSource())
        var counts = [Int](repeating: 0, count: 10)
        for _ in 0..<5000 {
            for character in generator.code(length: 6) { counts[character.wholeNumberValue ?? 0] += 1 }
        }
        // 30 000 digits: each expected 3 000; a bias of the kind modulo folding causes would be far outside ±10 %.
        #expect(counts.allSatisfy { (2700...3300).contains($0) }, "digit counts \(counts)")
    }

    @Test func hashIsKeyedAndBoundToVerificationAndSend() throws {
        let now = Timestamp(millisecondsSince1970: 1_767_225_600_000)
        let random = SequenceRandomSource()
        let first = VerificationID.generate(at: now, random: random)
        let second = VerificationID.generate(at: now, random: random)
        let hasher = try VerificationCodeHasher(key: Array(repeating: 1, count: 32))
        let other = try VerificationCodeHasher(key: Array(repeating: 2, count: 32))
        let stored = hasher.hash(code: "042917", verificationID: first, send: 1)

        #expect(stored.hasPrefix("v1:"))
        #expect(!stored.contains("042917"))
        #expect(hasher.matches(code: "042917", hash: stored, verificationID: first, send: 1))
        #expect(!hasher.matches(code: "042918", hash: stored, verificationID: first, send: 1))
        #expect(!hasher.matches(code: "042917", hash: stored, verificationID: second, send: 1))
        #expect(!hasher.matches(code: "042917", hash: stored, verificationID: first, send: 2))
        #expect(!other.matches(code: "042917", hash: stored, verificationID: first, send: 1))
    }

    @Test func shortKeysAreRefused() {
        #expect(throws: HeraldError.self) { try VerificationCodeHasher(key: Array(repeating: 1, count: 8)) }
    }
}
