import Synchronization

/// Collects receipts as they arrive and hands them out in batches, so one transaction stores many.
final class ReceiptBuffer: Sendable {
    private struct State {
        var items: [CarrierReceipt] = []
        var finished = false
    }

    private let state = Mutex(State())
    private let signal = DispatchSignal()
    let maximumBatch: Int

    init(maximumBatch: Int = 500) {
        self.maximumBatch = maximumBatch
    }

    func append(_ receipt: CarrierReceipt) {
        state.withLock { $0.items.append(receipt) }
        signal.signal()
    }

    func finish() {
        state.withLock { $0.finished = true }
        signal.signal()
    }

    /// The next batch, waiting for at least one receipt; `nil` once finished and drained.
    func next() async -> [CarrierReceipt]? {
        while true {
            let (batch, finished) = state.withLock { state -> ([CarrierReceipt], Bool) in
                let count = min(state.items.count, maximumBatch)
                let batch = Array(state.items.prefix(count))
                state.items.removeFirst(count)
                return (batch, state.finished)
            }
            if !batch.isEmpty { return batch }
            if finished { return nil }
            await signal.wait(timeout: .seconds(1))
        }
    }
}
