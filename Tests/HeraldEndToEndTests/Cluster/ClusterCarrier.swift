import Foundation
import HeraldApp
import HeraldSimulator

/// The standalone `herald simulator` process every node binds to, with its statistics listener
/// (`--stats-port`) for counting what it received per destination.
struct ClusterCarrier: Sendable {
    let process: ChildProcess
    let smppPort: Int
    private let statisticsAPI: APIClient

    static func start(herald: URL, directory: URL, children: ChildProcesses) async throws -> ClusterCarrier {
        let process = try children.start(
            name: "simulator", executable: herald,
            arguments: [
                "simulator", "--port", "0", "--stats-port", "0", "--account", "herald:simulate", "--response-latency", "1", "--receipt-latency", "20",
            ],
            logDirectory: directory)
        guard let listening = await process.waitForLine(containing: "listening on"),
              let smppPort = listening.split(separator: ":").last.flatMap({ Int($0) }),
              let stats = process.output.first(where: { $0.contains("statistics on") }),
              let statsPort = stats.split(separator: ":").last.flatMap({ Int($0) }) else {
            throw EndToEndError("the simulator did not start:\n\(process.logTail())")
        }
        return ClusterCarrier(process: process, smppPort: smppPort, statisticsAPI: APIClient(baseURL: "http://127.0.0.1:\(statsPort)", apiKey: nil))
    }

    /// Submissions per destination (digits without `+`), as the simulator counted them; only destinations
    /// accepted at least `minimumAccepted` times when given.
    func submissions(minimumAccepted: Int? = nil) async throws -> [String: SubmissionTally.Counts] {
        let answer = try await statisticsAPI.get("/submissions" + (minimumAccepted.map { "?min_accepted=\($0)" } ?? ""))
        guard answer.status == 200 else { throw EndToEndError("GET /submissions answered \(answer.status): \(answer.text.prefix(200))") }
        return try JSONDecoder().decode([String: [String: SubmissionTally.Counts]].self, from: Data(answer.body))["destinations"] ?? [:]
    }

    /// The simulator's counters (`GET /stats`).
    func statistics() async throws -> SimulatorStatisticsReport {
        let answer = try await statisticsAPI.get("/stats")
        guard answer.status == 200 else { throw EndToEndError("GET /stats answered \(answer.status): \(answer.text.prefix(200))") }
        return try JSONDecoder().decode(SimulatorStatisticsReport.self, from: Data(answer.body))
    }
}
