/// Send and approval counts over a sliding window made of fixed-length buckets, optionally with the
/// multiset of numbers (range suffixes) sent to. Pure value logic; the fraud guard keeps one per range and scope.
///
/// Only buckets that saw traffic are stored (most ranges see one or two sends a day), oldest first.
struct SlidingWindow: Sendable {
    typealias Totals = FraudTrafficTotals

    private struct Bucket: Sendable {
        var slot: Int64
        var sends = 0
        var approvals = 0
        var suffixes: [UInt32] = []
    }

    private let bucketMilliseconds: Int64
    private let bucketCount: Int64
    private let tracksNumbers: Bool
    private var buckets: [Bucket] = []
    private var suffixCounts: [UInt32: Int] = [:]
    private(set) var totals = Totals()
    private var lastSlot: Int64 = .min

    init(window: Duration, bucket: Duration, tracksNumbers: Bool) {
        let bucketMilliseconds = max(1, Self.milliseconds(bucket))
        self.bucketMilliseconds = bucketMilliseconds
        self.bucketCount = max(1, (Self.milliseconds(window) + bucketMilliseconds - 1) / bucketMilliseconds)
        self.tracksNumbers = tracksNumbers
    }

    /// Drops buckets that left the window as of `time`.
    mutating func advance(to time: Timestamp) {
        let current = slot(of: time)
        guard current > lastSlot else { return }
        lastSlot = current
        let oldestLive = current - bucketCount + 1
        var dropped = 0
        while dropped < buckets.count, buckets[dropped].slot < oldestLive {
            evict(buckets[dropped])
            dropped += 1
        }
        if dropped > 0 { buckets.removeFirst(dropped) }
    }

    mutating func recordSend(suffix: UInt32, at time: Timestamp) {
        advance(to: time)
        let sendSlot = slot(of: time)
        guard sendSlot > lastSlot - bucketCount else { return }
        let index: Int
        if let found = buckets.lastIndex(where: { $0.slot == sendSlot }) {
            index = found
        } else {
            // Sends arrive in time order (one clock), so a new bucket normally goes last.
            let position = buckets.firstIndex { $0.slot > sendSlot } ?? buckets.endIndex
            buckets.insert(Bucket(slot: sendSlot), at: position)
            index = position
        }
        buckets[index].sends += 1
        totals.sends += 1
        if tracksNumbers {
            buckets[index].suffixes.append(suffix)
            suffixCounts[suffix, default: 0] += 1
            totals.distinctNumbers = suffixCounts.count
        }
    }

    /// Counts an approval against the bucket of the send it confirms; ignored once that send left the window.
    mutating func recordApproval(sentAt: Timestamp, at time: Timestamp) {
        advance(to: time)
        let sentSlot = slot(of: sentAt)
        guard let index = buckets.lastIndex(where: { $0.slot == sentSlot }), buckets[index].approvals < buckets[index].sends else { return }
        buckets[index].approvals += 1
        totals.approvals += 1
    }

    /// True when nothing is left in the window.
    var isEmpty: Bool { totals.sends == 0 }

    private mutating func evict(_ bucket: Bucket) {
        totals.sends -= bucket.sends
        totals.approvals -= bucket.approvals
        if tracksNumbers {
            for suffix in bucket.suffixes {
                if let count = suffixCounts[suffix], count > 1 { suffixCounts[suffix] = count - 1 } else { suffixCounts[suffix] = nil }
            }
            totals.distinctNumbers = suffixCounts.count
        }
    }

    private func slot(of time: Timestamp) -> Int64 {
        let ms = time.millisecondsSince1970
        return ms >= 0 ? ms / bucketMilliseconds : (ms - bucketMilliseconds + 1) / bucketMilliseconds
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
