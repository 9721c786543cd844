import GRDB
import Synchronization

/// Group commit: concurrent requests share one write transaction, so many requests cost one commit (one WAL
/// sync under `synchronous = FULL`) instead of one each.
///
/// Each request runs in its own savepoint and succeeds or fails alone; every caller returns only after the
/// shared transaction committed, so a result is never reported before it is durable. Callers wait in a queue:
/// the first becomes the leader and runs a transaction for everything queued (up to ``maximumBatch``), then
/// hands leadership to the next waiting caller, so no caller works for others indefinitely.
final class GroupCommit<Request: Sendable, Output: Sendable>: Sendable {
    typealias Work = @Sendable (Database, Request) throws -> Output

    private enum Wake: Sendable {
        case finished(Result<Output, any Error>)
        case lead
    }

    private struct Entry: Sendable {
        let id: UInt64
        let request: Request
        /// `nil` once the waiter was woken to lead (it then collects its own result).
        var continuation: CheckedContinuation<Wake, Never>?
    }

    private struct State {
        var queue: [Entry] = []
        var leading = false
        var nextID: UInt64 = 0
    }

    private let pool: DatabasePool
    private let work: Work
    let maximumBatch: Int
    private let state = Mutex(State())

    init(pool: DatabasePool, maximumBatch: Int, work: @escaping Work) {
        self.pool = pool
        self.maximumBatch = max(1, maximumBatch)
        self.work = work
    }

    func submit(_ request: Request) async throws -> Output {
        var id: UInt64 = 0
        let wake = await withCheckedContinuation { (continuation: CheckedContinuation<Wake, Never>) in
            let lead = state.withLock { state -> Bool in
                id = state.nextID
                state.nextID &+= 1
                let leads = !state.leading
                state.leading = true
                state.queue.append(Entry(id: id, request: request, continuation: leads ? nil : continuation))
                return leads
            }
            if lead { continuation.resume(returning: .lead) }
        }
        switch wake {
        case .finished(let result):
            return try result.get()
        case .lead:
            return try await lead(ownID: id).get()
        }
    }

    /// Runs batches until this caller's own request is done, then passes the lead on.
    private func lead(ownID: UInt64) async -> Result<Output, any Error> {
        var own: Result<Output, any Error>?
        while own == nil {
            let batch = state.withLock { state -> [Entry] in
                let count = min(state.queue.count, maximumBatch)
                defer { state.queue.removeFirst(count) }
                return Array(state.queue.prefix(count))
            }
            // An unstructured task: cancelling the leading caller must not fail the other callers' requests.
            let results = await Task { await self.run(batch.map(\.request)) }.value
            for (entry, result) in zip(batch, results) {
                if entry.id == ownID {
                    own = result
                } else {
                    entry.continuation?.resume(returning: .finished(result))
                }
            }
        }
        let next = state.withLock { state -> CheckedContinuation<Wake, Never>? in
            guard !state.queue.isEmpty else {
                state.leading = false
                return nil
            }
            defer { state.queue[0].continuation = nil }
            return state.queue[0].continuation
        }
        next?.resume(returning: .lead)
        return own ?? .failure(CancellationError())
    }

    private func run(_ requests: [Request]) async -> [Result<Output, any Error>] {
        let work = self.work
        do {
            return try await pool.write { db in
                requests.map { request in
                    do {
                        var output: Output?
                        try db.inSavepoint {
                            output = try work(db, request)
                            return .commit
                        }
                        guard let output else { throw CancellationError() }
                        return .success(output)
                    } catch {
                        return .failure(error)
                    }
                }
            }
        } catch {
            return requests.map { _ in .failure(error) }
        }
    }
}
