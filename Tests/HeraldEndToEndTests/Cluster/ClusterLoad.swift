import Foundation
import Synchronization

/// Sends a load of messages over the HTTP API of several nodes in batches, as clients behind a load
/// balancer would: batch `n` goes to node `n mod count`; a node that cannot be reached is left out from
/// then on and the batch is sent again to the next one with the same `Idempotency-Key`, so a batch the
/// dead node had stored is answered from its stored result instead of being stored twice.
final class ClusterLoad: Sendable {
    /// One accepted message: its id, destination and the node that answered 202.
    struct Accepted: Sendable {
        var id: String
        var to: String
        var node: String
    }

    let total: Int
    let batchSize: Int
    private let nodes: [ClusterNode]
    private let nextBatch = Atomic<Int>(0)
    private let acceptedCount = Atomic<Int>(0)
    private let accepted = Mutex<[Accepted]>([])
    private let unreachable = Mutex<Set<String>>([])
    private let replayed = Atomic<Int>(0)

    init(total: Int, batchSize: Int = 100, nodes: [ClusterNode]) {
        self.total = total
        self.batchSize = batchSize
        self.nodes = nodes
    }

    /// The destination of message `index`: distinct numbers, so the simulator's counts per destination are counts per message.
    static func destination(_ index: Int) -> String { "+49151" + String(format: "%08d", 30_000_000 + index) }

    /// Messages answered 202 so far.
    var acceptedSoFar: Int { acceptedCount.load(ordering: .relaxed) }
    /// Batches answered from a stored result (`Idempotent-Replayed: true`) after a failover.
    var replayedBatches: Int { replayed.load(ordering: .relaxed) }
    var acceptedMessages: [Accepted] { accepted.withLock { $0 } }
    var unreachableNodes: Set<String> { unreachable.withLock { $0 } }

    /// Sends everything with `concurrency` batches in flight; returns when every batch was answered.
    func run(concurrency: Int) async throws {
        let batches = (total + batchSize - 1) / batchSize
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    while true {
                        let batch = self.nextBatch.add(1, ordering: .relaxed).oldValue
                        guard batch < batches else { return }
                        try await self.send(batch: batch)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    private func send(batch: Int) async throws {
        let first = batch * batchSize
        let indices = first..<min(total, first + batchSize)
        let items = indices.map { #"{"to":"\#(Self.destination($0))","body":"cluster test \#($0)"}"# }.joined(separator: ",")
        let json = #"{"messages":[\#(items)]}"#
        let key = "cluster-batch-\(batch)"
        var attempt = 0
        for _ in 0..<Self.maximumTries {
            let candidates = nodes.filter { !unreachable.withLock { $0 }.contains($0.id) }
            guard !candidates.isEmpty else { throw EndToEndError("no node is reachable any more") }
            let node = candidates[(batch + attempt) % candidates.count]
            let answer: APIClient.Answer
            do {
                answer = try await node.api.post("/v1/messages/batch", json: json, headers: ["Idempotency-Key": key])
            } catch {
                // Connection refused or reset: what a load balancer's health check would take out of rotation.
                unreachable.withLock { _ = $0.insert(node.id) }
                attempt += 1
                continue
            }
            switch answer.status {
            case 202:
                if answer.header("Idempotent-Replayed") == "true" { replayed.add(1, ordering: .relaxed) }
                try record(answer, node: node.id, expected: indices.count)
                return
            case 429:
                try await Task.sleep(for: .seconds(Int(answer.header("Retry-After") ?? "1") ?? 1))
            case 500...:
                attempt += 1
                try await Task.sleep(for: .milliseconds(100))
            default:
                throw EndToEndError("batch \(batch) was answered \(answer.status) by \(node.id): \(answer.text.prefix(500))")
            }
        }
        throw EndToEndError("batch \(batch) was not accepted in \(Self.maximumTries) tries")
    }

    /// Tries of one batch (failovers, 429 and 5xx answers) before the load gives up.
    static let maximumTries = 100

    private func record(_ answer: APIClient.Answer, node: String, expected: Int) throws {
        var items: [Accepted] = []
        for item in answer.object["data"] as? [[String: Any]] ?? [] {
            guard let message = item["message"] as? [String: Any], let id = message["id"] as? String, let to = message["to"] as? String else {
                throw EndToEndError("a batch item was not accepted: \(item)")
            }
            items.append(Accepted(id: id, to: to, node: node))
        }
        guard items.count == expected else { throw EndToEndError("a batch of \(expected) accepted \(items.count)") }
        accepted.withLock { $0 += items }
        acceptedCount.add(items.count, ordering: .relaxed)
    }
}
