import Crypto
import Foundation
import MerkleLog

/// A literal transcription of the RFC 9162 §2.1 recursive definitions (MTH, PATH, PROOF/SUBPROOF)
/// over whole leaf arrays: slow and obviously correct, the yardstick for the real implementation.
enum ReferenceTree {
    static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: bytes))
    }

    static func mth(_ leaves: ArraySlice<[UInt8]>) -> [UInt8] {
        let n = leaves.count
        if n == 0 { return sha256([]) }
        if n == 1 { return sha256([0x00] + leaves.first!) }
        let k = splitPoint(n)
        let start = leaves.startIndex
        return sha256([0x01] + mth(leaves[start..<(start + k)]) + mth(leaves[(start + k)...]))
    }

    static func path(_ m: Int, _ leaves: ArraySlice<[UInt8]>) -> [[UInt8]] {
        let n = leaves.count
        if n == 1 { return [] }
        let k = splitPoint(n)
        let start = leaves.startIndex
        if m < k {
            return path(m, leaves[start..<(start + k)]) + [mth(leaves[(start + k)...])]
        }
        return path(m - k, leaves[(start + k)...]) + [mth(leaves[start..<(start + k)])]
    }

    static func subproof(_ m: Int, _ leaves: ArraySlice<[UInt8]>, _ b: Bool) -> [[UInt8]] {
        let n = leaves.count
        if m == n { return b ? [] : [mth(leaves)] }
        let k = splitPoint(n)
        let start = leaves.startIndex
        if m <= k {
            return subproof(m, leaves[start..<(start + k)], b) + [mth(leaves[(start + k)...])]
        }
        return subproof(m - k, leaves[(start + k)...], false) + [mth(leaves[start..<(start + k)])]
    }

    static func proof(_ m: Int, _ leaves: ArraySlice<[UInt8]>) -> [[UInt8]] {
        subproof(m, leaves, true)
    }

    /// The largest power of two strictly below n (n ≥ 2), computed the slow way.
    static func splitPoint(_ n: Int) -> Int {
        var k = 1
        while k * 2 < n { k *= 2 }
        return k
    }
}

extension Array where Element == UInt8 {
    init(hexString: String) {
        var bytes: [UInt8] = []
        var iterator = hexString.utf8.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            bytes.append(UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)!)
        }
        self = bytes
    }

    var hexString: String { map { String(format: "%02x", $0) }.joined() }
}
