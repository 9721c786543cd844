import HeraldCore
import Synchronization

/// A ``CarrierBindControl`` without sockets: remembers which binds are open, for tests of bind ownership.
public final class RecordingBindControl: CarrierBindControl {
    private struct State {
        var counts: [String: Int]
        var open: [String: Set<Int>] = [:]
    }

    private let state: Mutex<State>

    /// - Parameter bindCounts: the links in service and their configured binds.
    public init(bindCounts: [String: Int]) {
        state = Mutex(State(counts: bindCounts))
    }

    /// Changes the links in service (as the link synchroniser would); binds of removed links close.
    public func setBindCounts(_ counts: [String: Int]) {
        state.withLock { state in
            state.counts = counts
            var open: [String: Set<Int>] = [:]
            for (linkID, indexes) in state.open {
                guard let count = counts[linkID] else { continue }
                open[linkID] = indexes.filter { $0 < count }
            }
            state.open = open
        }
    }

    /// Open binds of every link, as slots.
    public var openSlots: Set<BindSlot> {
        state.withLock { state in Set(state.open.flatMap { linkID, indexes in indexes.map { BindSlot(linkID: linkID, index: $0) } }) }
    }

    public func configuredBindCounts() -> [String: Int] { state.withLock { $0.counts } }

    public func openBinds(of linkID: String) -> Set<Int> { state.withLock { $0.open[linkID] ?? [] } }

    public func setOpenBinds(_ indexes: Set<Int>, of linkID: String) async {
        state.withLock { state in
            guard let count = state.counts[linkID] else { return }
            state.open[linkID] = indexes.filter { $0 >= 0 && $0 < count }
        }
    }
}
