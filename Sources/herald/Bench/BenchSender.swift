import Foundation
import Synchronization

/// The HTTP phase of `herald bench gateway|cluster`: sends messages with concurrent clients, spread over
/// one or more nodes (message `n` goes to node `n mod count`, as a round-robin load balancer would).
struct BenchSender: Sendable {
    /// What the HTTP phase produced.
    struct Sent: Sendable {
        var ids: [String] = []
        var latencies: [Double] = []
        var failures = 0
    }

    let concurrency: Int

    /// The destination of message `index`: distinct German mobile numbers.
    static func destination(_ index: Int) -> String { "+49151" + String(format: "%08d", index % 100_000_000) }

    /// Sends `count` messages numbered from `offset` with `concurrency` clients.
    func send(_ count: Int, offset: Int, text: String, to nodes: [BenchHTTPClient]) async throws -> Sent {
        precondition(!nodes.isEmpty, "a benchmark needs a node to send to")
        final class Counter: Sendable { let value = Atomic<Int>(0) }
        let next = Counter()
        return try await withThrowingTaskGroup(of: Sent.self) { group in
            for _ in 0..<min(concurrency, count) {
                group.addTask { [next] in
                    var sent = Sent()
                    while true {
                        let index = next.value.add(1, ordering: .relaxed).oldValue
                        guard index < count else { return sent }
                        let started = ContinuousClock.now
                        let answer = try await nodes[index % nodes.count].post(
                            "/v1/messages", json: #"{"to":"\#(Self.destination(offset + index))","body":"\#(text)"}"#)
                        if answer.status == 202, let id = answer.object["id"] as? String {
                            sent.latencies.append(BenchStatistics.milliseconds(ContinuousClock.now - started))
                            sent.ids.append(id)
                        } else {
                            sent.failures += 1
                        }
                    }
                }
            }
            var total = Sent()
            for try await part in group {
                total.ids += part.ids
                total.latencies += part.latencies
                total.failures += part.failures
            }
            return total
        }
    }
}
