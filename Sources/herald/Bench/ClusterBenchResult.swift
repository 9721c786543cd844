import HeraldCore

/// The figures of one `herald bench cluster` round, computed from the stored messages: throughput from
/// the first acceptance to the last delivery (stored timestamps, millisecond resolution) and latency per
/// message from acceptance to delivered.
struct ClusterBenchResult: Sendable {
    var label: String
    var nodes: Int
    var sent: Int
    var delivered: Int
    var refused: Int
    var httpAcceptedPerSecond: Double
    var deliveredPerSecond: Double
    /// Milliseconds from acceptance to delivered, per delivered message.
    var toDelivered: [Double]
    /// Statuses other than delivered among the measured messages, `name=count`.
    var notDelivered: [String]

    init(label: String, nodes: Int, sent: BenchSender.Sent, acceptSeconds: Double, stored: [Message]) {
        self.label = label
        self.nodes = nodes
        self.sent = sent.ids.count
        self.refused = sent.failures
        httpAcceptedPerSecond = Double(sent.ids.count) / max(acceptSeconds, 1e-9)
        let measured = Set(sent.ids)
        var toDelivered: [Double] = []
        var firstAccepted = Int64.max
        var lastDelivered = Int64.min
        var others: [MessageStatus: Int] = [:]
        for message in stored where measured.contains(message.id.rawValue) {
            let created = message.createdAt.millisecondsSince1970
            firstAccepted = min(firstAccepted, created)
            if let delivered = message.history.first(where: { $0.status == .delivered }) {
                toDelivered.append(Double(delivered.at.millisecondsSince1970 - created))
                lastDelivered = max(lastDelivered, delivered.at.millisecondsSince1970)
            } else {
                others[message.status, default: 0] += 1
            }
        }
        let chainSeconds = lastDelivered > firstAccepted ? Double(lastDelivered - firstAccepted) / 1000 : 0
        self.toDelivered = toDelivered
        delivered = toDelivered.count
        deliveredPerSecond = Double(toDelivered.count) / max(chainSeconds, 1e-3)
        notDelivered = others.map { "\($0.key.rawValue)=\($0.value)" }.sorted()
    }

    /// `| setup | nodes | HTTP 202/s | accepted → delivered msg/s | ratio | p50 | p99 |`, the ratio against `baseline`.
    func row(baseline: ClusterBenchResult?) -> String {
        let sorted = toDelivered.sorted()
        let ratio = baseline.map { $0.deliveredPerSecond > 0 ? BenchStatistics.format(deliveredPerSecond / $0.deliveredPerSecond, decimals: 2) + "×" : "–" } ?? "–"
        return "| \(label) | \(nodes) | \(BenchStatistics.format(httpAcceptedPerSecond, decimals: 0)) | "
            + "\(BenchStatistics.format(deliveredPerSecond, decimals: 0)) | \(ratio) | "
            + "\(BenchStatistics.format(BenchStatistics.percentile(sorted, 0.5), decimals: 0)) / \(BenchStatistics.format(BenchStatistics.percentile(sorted, 0.99), decimals: 0)) ms | "
            + "\(delivered) / \(sent) |"
    }

    static let header = """
        | setup | nodes | HTTP 202 per s | accepted → delivered, msg/s | ratio to SQLite × 1 | p50 / p99 accepted → delivered | delivered / accepted |
        |---|---:|---:|---:|---:|---:|---:|
        """
}
