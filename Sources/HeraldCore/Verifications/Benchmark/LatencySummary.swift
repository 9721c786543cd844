/// Percentiles of a set of latencies.
public struct LatencySummary: Sendable, Equatable, CustomStringConvertible {
    public var count: Int
    public var p50: Duration
    public var p90: Duration
    public var p99: Duration
    public var max: Duration
    public var mean: Duration

    /// Summarises `samples` (nearest-rank percentiles); all zero when empty.
    public init(_ samples: [Duration]) {
        let sorted = samples.sorted()
        count = sorted.count
        func rank(_ percentile: Double) -> Duration {
            guard !sorted.isEmpty else { return .zero }
            let index = Int((percentile * Double(sorted.count)).rounded(.up)) - 1
            return sorted[Swift.max(0, Swift.min(sorted.count - 1, index))]
        }
        p50 = rank(0.50)
        p90 = rank(0.90)
        p99 = rank(0.99)
        max = sorted.last ?? .zero
        mean = sorted.isEmpty ? .zero : sorted.reduce(Duration.zero, +) / sorted.count
    }

    public var description: String {
        "n=\(count) p50=\(Self.milliseconds(p50)) p90=\(Self.milliseconds(p90)) p99=\(Self.milliseconds(p99)) max=\(Self.milliseconds(max)) mean=\(Self.milliseconds(mean))"
    }

    /// `12.345ms`.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let micros = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        let whole = micros / 1000
        let fraction = micros % 1000
        return "\(whole).\(String(repeating: "0", count: 3 - String(fraction).count))\(fraction)ms"
    }
}
