/// Patience-sorting longest strictly increasing subsequence, O(n log n).
enum LongestIncreasingSubsequence {
    /// Offsets (into `values`) of one longest strictly increasing subsequence; among equally long
    /// ones it keeps the smallest values, so of two swapped neighbours the larger is reported moved.
    static func offsets(of values: [UInt64]) -> Set<Int> {
        var tails: [Int] = []                       // tails[k]: offset of the smallest tail of a run of length k + 1
        var predecessor = [Int](repeating: -1, count: values.count)
        for (offset, value) in values.enumerated() {
            var low = 0
            var high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if values[tails[mid]] < value { low = mid + 1 } else { high = mid }
            }
            if low > 0 { predecessor[offset] = tails[low - 1] }
            if low == tails.count { tails.append(offset) } else { tails[low] = offset }
        }
        var result = Set<Int>()
        var current = tails.last ?? -1
        while current >= 0 {
            result.insert(current)
            current = predecessor[current]
        }
        return result
    }
}
