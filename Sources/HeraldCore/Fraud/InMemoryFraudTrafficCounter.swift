import Synchronization

/// A ``FraudTrafficCounter`` in this node's memory: one pair of sliding windows per range scope and one long
/// window per account. Ranges idle for a whole baseline window are forgotten, and the least recently seen
/// beyond ``FraudGuardConfiguration/maximumTrackedRanges``.
public final class InMemoryFraudTrafficCounter: FraudTrafficCounter {
    private struct RangeTraffic {
        var window: SlidingWindow
        var history: SlidingWindow
        var lastSeen: Timestamp
    }

    private struct State {
        var ranges: [String: RangeTraffic] = [:]
        var accounts: [String: SlidingWindow] = [:]
        var operations = 0
    }

    private let configuration: FraudGuardConfiguration
    private let state = Mutex(State())

    public init(configuration: FraudGuardConfiguration) {
        self.configuration = configuration
    }

    /// Range scopes currently tracked (for tests and diagnostics).
    public var trackedRanges: Int { state.withLock { $0.ranges.count } }

    public func recordSend(rangeKeys: [String], accountKey: String, suffix: UInt32, at now: Timestamp) async throws -> FraudTrafficSnapshot {
        state.withLock { state in
            var ranges: [String: FraudRangeTraffic] = [:]
            for key in rangeKeys {
                var traffic = state.ranges[key] ?? RangeTraffic(
                    window: SlidingWindow(window: configuration.window, bucket: configuration.windowBucket, tracksNumbers: true),
                    history: history(), lastSeen: now)
                traffic.window.recordSend(suffix: suffix, at: now)
                traffic.history.recordSend(suffix: suffix, at: now)
                traffic.lastSeen = now
                state.ranges[key] = traffic
                ranges[key] = FraudRangeTraffic(window: traffic.window.totals, history: traffic.history.totals)
            }
            state.accounts[accountKey, default: history()].recordSend(suffix: 0, at: now)
            let account = state.accounts[accountKey]?.totals ?? FraudTrafficTotals()
            maintain(&state, now: now)
            return FraudTrafficSnapshot(ranges: ranges, account: account)
        }
    }

    public func recordApproval(rangeKeys: [String], accountKey: String, suffix: UInt32, sentAt: Timestamp, at now: Timestamp) async throws {
        state.withLock { state in
            for key in rangeKeys {
                state.ranges[key]?.window.recordApproval(sentAt: sentAt, at: now)
                state.ranges[key]?.history.recordApproval(sentAt: sentAt, at: now)
            }
            state.accounts[accountKey]?.recordApproval(sentAt: sentAt, at: now)
        }
    }

    public func resetRange(_ key: String) async throws {
        _ = state.withLock { $0.ranges.removeValue(forKey: key) }
    }

    private func history() -> SlidingWindow {
        SlidingWindow(window: configuration.baselineWindow, bucket: configuration.baselineBucket, tracksNumbers: false)
    }

    /// Forgets ranges idle for a whole baseline window, and the least recently seen beyond the cap.
    private func maintain(_ state: inout State, now: Timestamp) {
        state.operations += 1
        guard state.operations % 4096 == 0 || state.ranges.count > configuration.maximumTrackedRanges else { return }
        let idleBefore = now.adding(.zero - configuration.baselineWindow)
        state.ranges = state.ranges.filter { $0.value.lastSeen >= idleBefore }
        if state.ranges.count > configuration.maximumTrackedRanges {
            let excess = state.ranges.count - configuration.maximumTrackedRanges * 9 / 10
            for (key, _) in state.ranges.sorted(by: { $0.value.lastSeen < $1.value.lastSeen }).prefix(excess) {
                state.ranges[key] = nil
            }
        }
        for (id, var window) in state.accounts {
            window.advance(to: now)
            state.accounts[id] = window.isEmpty ? nil : window
        }
    }
}
