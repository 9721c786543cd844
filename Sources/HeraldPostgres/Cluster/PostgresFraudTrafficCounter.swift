import HeraldCore
import Synchronization

/// A ``FraudTrafficCounter`` in PostgreSQL (`fraud_traffic`), shared by every node of a cluster, so the fraud
/// guard of each node judges a range on the sends and approvals of all of them.
///
/// Traffic is kept per scope, time slot of ``FraudGuardConfiguration/windowBucket`` and number suffix. A
/// send is one multi-row upsert plus one aggregate read of the scopes it touched, in one transaction; the
/// short window is the last `window / windowBucket` slots, the long one the slots inside the last
/// `baselineWindow / baselineBucket` baseline buckets (as ``InMemoryFraudTrafficCounter`` aligns them).
/// Slots older than the long window are deleted from time to time.
public final class PostgresFraudTrafficCounter: FraudTrafficCounter {
    private let store: PostgresHeraldStore
    private let bucketMilliseconds: Int64
    private let windowSlots: Int64
    private let baselineBucketMilliseconds: Int64
    private let baselineBuckets: Int64
    private let pruneEvery: Int
    private let sends = Atomic<Int>(0)

    /// - Parameter pruneEvery: slots that left the long window are deleted after this many sends on this node.
    public init(store: PostgresHeraldStore, configuration: FraudGuardConfiguration, pruneEvery: Int = 1024) {
        self.store = store
        let bucket = max(1, Self.milliseconds(configuration.windowBucket))
        bucketMilliseconds = bucket
        windowSlots = max(1, (Self.milliseconds(configuration.window) + bucket - 1) / bucket)
        let baselineBucket = max(1, Self.milliseconds(configuration.baselineBucket))
        baselineBucketMilliseconds = baselineBucket
        baselineBuckets = max(1, (Self.milliseconds(configuration.baselineWindow) + baselineBucket - 1) / baselineBucket)
        self.pruneEvery = max(1, pruneEvery)
    }

    static let totalsSQL = """
        SELECT scope_key,
            COALESCE(SUM(sends) FILTER (WHERE slot >= $2), 0)::BIGINT,
            COALESCE(SUM(approvals) FILTER (WHERE slot >= $2), 0)::BIGINT,
            COUNT(DISTINCT suffix) FILTER (WHERE slot >= $2 AND sends > 0),
            COALESCE(SUM(sends), 0)::BIGINT,
            COALESCE(SUM(approvals), 0)::BIGINT
        FROM fraud_traffic WHERE scope_key = ANY($1) AND slot >= $3
        GROUP BY scope_key
        """

    public func recordSend(rangeKeys: [String], accountKey: String, suffix: UInt32, at time: Timestamp) async throws -> FraudTrafficSnapshot {
        let slot = self.slot(of: time)
        let windowStart = slot - windowSlots + 1
        let historyStart = historyStartSlot(at: time)
        let account = Self.accountScope(accountKey)
        // Rows in key order, so concurrent sends to the same scopes lock them in the same order.
        var rows: [(String, Int64)] = rangeKeys.map { ($0, Int64(suffix)) } + [(account, 0)]
        rows.sort { $0.0 < $1.0 }
        let values = rows.map { _ in "(?, ?, ?, 1, 0)" }.joined(separator: ", ")
        let arguments: [any PostgresBindable] = rows.flatMap { key, rowSuffix -> [any PostgresBindable] in [key, slot, rowSuffix] }
        let totals = try await store.write("counting a verification send") { tx -> [String: (FraudTrafficTotals, FraudTrafficTotals)] in
            try await tx.execute("""
                INSERT INTO fraud_traffic (scope_key, slot, suffix, sends, approvals) VALUES \(values)
                ON CONFLICT (scope_key, slot, suffix) DO UPDATE SET sends = fraud_traffic.sends + 1
                """, arguments)
            var totals: [String: (FraudTrafficTotals, FraudTrafficTotals)] = [:]
            for row in try await tx.rows(Self.totalsSQL, [rows.map(\.0), windowStart, historyStart]) {
                var reader = PostgresRowReader(row)
                let key = try reader.next(String.self)
                let window = FraudTrafficTotals(sends: try reader.int(), approvals: try reader.int(), distinctNumbers: try reader.int())
                let history = FraudTrafficTotals(sends: try reader.int(), approvals: try reader.int())
                totals[key] = (window, history)
            }
            return totals
        }
        if sends.add(1, ordering: .relaxed).newValue % pruneEvery == 0 { await prune(before: historyStart) }
        var ranges: [String: FraudRangeTraffic] = [:]
        for key in rangeKeys {
            let (window, history) = totals[key] ?? (FraudTrafficTotals(), FraudTrafficTotals())
            ranges[key] = FraudRangeTraffic(window: window, history: history)
        }
        let accountHistory = totals[account]?.1 ?? FraudTrafficTotals()
        return FraudTrafficSnapshot(ranges: ranges, account: accountHistory)
    }

    public func recordApproval(rangeKeys: [String], accountKey: String, suffix: UInt32, sentAt: Timestamp, at time: Timestamp) async throws {
        let sentSlot = slot(of: sentAt)
        guard sentSlot >= historyStartSlot(at: time) else { return }
        try await store.write("counting a verification approval") { tx in
            try await tx.execute("""
                UPDATE fraud_traffic SET approvals = approvals + 1
                WHERE scope_key = ANY(?) AND slot = ? AND suffix = ? AND approvals < sends
                """, [rangeKeys.sorted(), sentSlot, Int64(suffix)])
            try await tx.execute("""
                UPDATE fraud_traffic SET approvals = approvals + 1
                WHERE scope_key = ? AND slot = ? AND suffix = 0 AND approvals < sends
                """, [Self.accountScope(accountKey), sentSlot])
        }
    }

    public func resetRange(_ key: String) async throws {
        try await store.write("resetting the traffic of a range") { tx in
            try await tx.execute("DELETE FROM fraud_traffic WHERE scope_key = ?", [key])
        }
    }

    /// Deletes slots that left the long window. Failures only cost space.
    func prune(before slot: Int64) async {
        _ = try? await store.write("deleting old fraud traffic") { tx in
            try await tx.execute("DELETE FROM fraud_traffic WHERE slot < ?", [slot])
        }
    }

    /// Account scopes are kept apart from range scopes (`<account>|<range>` and `*|<range>`).
    static func accountScope(_ accountKey: String) -> String { "account:" + accountKey }

    private func slot(of time: Timestamp) -> Int64 {
        Self.floorDivide(time.millisecondsSince1970, bucketMilliseconds)
    }

    /// The first slot inside the long window: the start of the oldest live baseline bucket.
    private func historyStartSlot(at time: Timestamp) -> Int64 {
        let oldestBaselineBucket = Self.floorDivide(time.millisecondsSince1970, baselineBucketMilliseconds) - baselineBuckets + 1
        let startMilliseconds = oldestBaselineBucket * baselineBucketMilliseconds
        return -Self.floorDivide(-startMilliseconds, bucketMilliseconds)  // rounded up
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : (value - divisor + 1) / divisor
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
