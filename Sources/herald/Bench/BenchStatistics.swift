/// Percentiles and formatting shared by the `herald bench` tables.
enum BenchStatistics {
    /// Nearest-rank percentile of `sorted` (ascending); 0 when empty.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
        return sorted[max(0, min(sorted.count - 1, rank))]
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func milliseconds(_ duration: Duration) -> Double { seconds(duration) * 1000 }

    /// One table row of latency percentiles in milliseconds: `| label | n | p50 | p90 | p99 | max |`.
    static func latencyRow(_ label: String, _ samples: [Double]) -> String {
        let sorted = samples.sorted()
        let cells = [0.5, 0.9, 0.99].map { format(percentile(sorted, $0)) } + [format(sorted.last ?? 0)]
        return "| \(label) | \(sorted.count) | " + cells.joined(separator: " | ") + " |"
    }

    static func format(_ value: Double, decimals: Int = 1) -> String {
        var text = String(Int((value * pow10(decimals)).rounded()))
        guard decimals > 0 else { return text }
        while text.count <= decimals { text = "0" + text }
        text.insert(".", at: text.index(text.endIndex, offsetBy: -decimals))
        return text
    }

    private static func pow10(_ exponent: Int) -> Double { (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    static let latencyHeader = """
        | stage | n | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |
        |---|---:|---:|---:|---:|---:|
        """
}
