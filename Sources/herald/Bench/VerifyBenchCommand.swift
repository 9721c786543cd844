import ArgumentParser
import Foundation
import HeraldCore
import Synchronization

/// `herald bench verify`: verification starts per second end to end (HTTP `POST /v1/verifications`) and
/// the latency from the API call to the code's submit_sm — as the dispatcher hands it to the SMPP link and
/// as the simulated carrier receives it.
///
/// Built on `VerificationLoadDriver` and `SubmitTimeRecorder` (HeraldCore). Build in release for real figures.
struct VerifyBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verification starts per second through HTTP, and API call → submit_sm latency at the simulator.",
        discussion: """
            Starts a Herald node bound over SMPP to a carrier simulator in the same process, starts \
            --count verifications (each to a different number, scattered so the fraud guard sees no \
            burst) with --concurrency HTTP clients, and waits until every code SMS reached the simulator. \
            The node-wide verification rate limits and the account's limits are lifted for the run; the \
            fraud guard, number checks, code hashing and the durable queue all work as in production.
            """)

    @Option(name: .long, help: "Verifications to start (after the warm-up).")
    var count = 2_000

    @Option(name: .long, help: "Concurrent HTTP clients.")
    var concurrency = 32

    @Option(name: .long, help: "Warm-up verifications, not measured.")
    var warmup = 100

    @Option(name: .long, help: "SMPP binds to the simulator.")
    var binds = 2

    @Option(name: .long, help: "SQLite synchronous mode: full (default) or normal.")
    var synchronous = "full"

    func validate() throws {
        guard count >= 1, concurrency >= 1, warmup >= 0 else { throw ValidationError("--count and --concurrency must be positive") }
        guard ["full", "normal"].contains(synchronous) else { throw ValidationError("--synchronous must be full or normal") }
    }

    /// A valid German mobile number per index; consecutive indices land in different ranges of 1 000.
    static func number(_ index: Int) -> String {
        let permuted = (UInt64(index) &* 387_420_489) % 100_000_000
        return "+49151" + String(format: "%08d", Int(permuted))
    }

    /// When the simulator received the submit_sm for each destination (digits).
    final class Arrivals: Sendable {
        private let times = Mutex<[String: ContinuousClock.Instant]>([:])
        func record(_ destination: String, at time: ContinuousClock.Instant) { times.withLock { $0[destination] = $0[destination] ?? time } }
        func time(of destination: String) -> ContinuousClock.Instant? { times.withLock { $0[destination] } }
    }

    /// When each start began (the driver's own record is not per index).
    final class Starts: Sendable {
        private let times = Mutex<[Int: ContinuousClock.Instant]>([:])
        func record(_ index: Int) { let now = ContinuousClock.now; times.withLock { $0[index] = now } }
        var all: [Int: ContinuousClock.Instant] { times.withLock { $0 } }
    }

    /// Holds the recorder the node's dispatcher submits through, once the node made it.
    final class RecorderBox: Sendable {
        private let value = Mutex<SubmitTimeRecorder?>(nil)
        func set(_ recorder: SubmitTimeRecorder) { value.withLock { $0 = recorder } }
        var recorder: SubmitTimeRecorder? { value.withLock { $0 } }
    }

    func run() async throws {
        let recorderBox = RecorderBox()
        let node = try await BenchNode.start(BenchNode.Options(binds: binds, synchronous: synchronous), instrumentGateway: { gateway in
            let recorder = SubmitTimeRecorder(wrapping: gateway)
            recorderBox.set(recorder)
            return recorder
        })
        do {
            guard let recorder = recorderBox.recorder else { throw BenchError("the gateway was not instrumented") }
            try await measure(node, recorder: recorder)
        } catch {
            await node.stop()
            throw error
        }
        await node.stop()
    }

    private func measure(_ node: BenchNode, recorder: SubmitTimeRecorder) async throws {
        let arrivals = Arrivals()
        node.simulator.observe { arrivals.record($0.destination, at: $0.receivedAt) }
        let starts = Starts()
        let account = node.account
        let verifications = node.application.verifications
        let client = node.client
        func start(offset: Int) -> VerificationLoadDriver.TimedStart {
            { index in
                starts.record(offset + index)
                let answer = try await client.post("/v1/verifications", json: #"{"to":"\#(Self.number(offset + index))"}"#)
                let answered = ContinuousClock.now
                guard answer.status == 201, let text = answer.object["id"] as? String, let id = VerificationID(text) else {
                    throw HeraldError(.internal, code: (answer.object["code"] as? String) ?? "http_\(answer.status)", "start refused")
                }
                guard let message = try await verifications.verification(id, account: account).sends.last?.messageID else {
                    throw HeraldError(.internal, code: "no_send", "the verification has no send")
                }
                return (message, answered)
            }
        }
        if warmup > 0 {
            _ = await VerificationLoadDriver.run(count: warmup, concurrency: concurrency, recorder: recorder, timedStart: start(offset: 1_000_000))
            recorder.reset()
        }
        let report = await VerificationLoadDriver.run(
            count: count, concurrency: concurrency, recorder: recorder, submitTimeout: .seconds(300), timedStart: start(offset: 0))

        // API call → submit_sm received by the simulator.
        let began = starts.all
        var atSimulator: [Double] = []
        for index in 0..<count {
            guard let start = began[index], let arrived = arrivals.time(of: String(Self.number(index).dropFirst())) else { continue }
            atSimulator.append(BenchStatistics.milliseconds(arrived - start))
        }
        func samples(_ summary: LatencySummary) -> String {
            "\(summary.count) | " + [summary.p50, summary.p90, summary.p99, summary.max].map { BenchStatistics.format(BenchStatistics.milliseconds($0)) }
                .joined(separator: " | ") + " |"
        }
        let failures = report.failures.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        print("""
            Herald verification benchmark: \(count) verifications, \(concurrency) HTTP clients, \(binds) bind(s), \
            SQLite synchronous=\(synchronous), \(ProcessInfo.processInfo.activeProcessorCount) cores.

            | measure | value |
            |---|---:|
            | verification starts per second (HTTP 201) | \(BenchStatistics.format(report.startsPerSecond, decimals: 0)) |
            | started / requested | \(report.started) / \(report.requested) |
            | code SMS not at the simulator within 300 s | \(report.started - atSimulator.count) |

            \(BenchStatistics.latencyHeader)
            | API call → 201 | \(samples(report.apiLatency))
            | API call → submit_sm (dispatcher hands it to SMPP) | \(samples(report.startToSubmit))
            \(BenchStatistics.latencyRow("API call → submit_sm received by the simulator", atSimulator))
            | API call → submit_sm_resp | \(samples(report.startToAccepted))
            """)
        if !failures.isEmpty { print("warning: refused starts: \(failures)") }
    }
}
