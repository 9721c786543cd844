import Foundation

/// One throughput measurement.
struct SMPPBenchResult: Sendable {
    var messages: Int
    var seconds: Double
    var failures: Int

    var rate: Double { seconds > 0 ? Double(messages) / seconds : 0 }
    var formattedRate: String { String(format: "%.0f", rate) }
}
