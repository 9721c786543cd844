import ArgumentParser
import Foundation
import HeraldCore

/// `herald bench gateway`: accepted → delivered throughput and latency through the whole chain — HTTP,
/// SQLite, dispatcher, SMPP, simulator, receipt, delivered — printed as tables.
///
/// Build in release for real figures: `swift build -c release --product herald && .build/release/herald bench gateway`.
struct GatewayBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway",
        abstract: "Messages per second and latency from HTTP accept to delivered, through a real node and simulator.",
        discussion: """
            Starts a Herald node (HTTP on 127.0.0.1, SQLite in a temporary directory) bound over SMPP to a \
            carrier simulator in the same process, sends --messages messages with --concurrency HTTP clients, \
            and waits until every one is delivered. Throughput is counted from the first acceptance to the \
            last delivery (stored timestamps, millisecond resolution); latencies per message from its \
            acceptance (created_at) to submitted and to delivered, and for the HTTP answer as the client saw it.
            """)

    @Option(name: .long, help: "Messages to send (after the warm-up).")
    var messages = 5_000

    @Option(name: .long, help: "Concurrent HTTP clients.")
    var concurrency = 32

    @Option(name: .long, help: "SMS parts per message (1-10).")
    var parts = 1

    @Option(name: .long, help: "Warm-up messages, sent and delivered before measuring.")
    var warmup = 200

    @Option(name: .long, help: "SMPP binds to the simulator.")
    var binds = 2

    @Option(name: .long, help: "Window (outstanding submit_sm) per bind.")
    var window = 64

    @Option(name: .long, help: "Simulator delay before each submit_sm_resp, in ms.")
    var responseLatency = 0

    @Option(name: .long, help: "Simulator delay before each delivery receipt, in ms.")
    var receiptLatency = 0

    @Option(name: .long, help: "SQLite synchronous mode: full (default, durable on power loss) or normal.")
    var synchronous = "full"

    func validate() throws {
        guard messages >= 1, concurrency >= 1, warmup >= 0 else { throw ValidationError("--messages and --concurrency must be positive") }
        guard (1...10).contains(parts) else { throw ValidationError("--parts must be 1-10") }
        guard ["full", "normal"].contains(synchronous) else { throw ValidationError("--synchronous must be full or normal") }
    }

    /// A GSM 7-bit text that needs exactly `parts` SMS parts.
    static func body(parts: Int) -> String {
        let length = parts == 1 ? 120 : 153 * parts - 20
        let words = "Herald benchmark message filling the parts of a concatenated SMS "
        return String(String(repeating: words, count: length / words.count + 1).prefix(length))
    }

    func run() async throws {
        let options = BenchNode.Options(
            binds: binds, window: window, responseLatencyMilliseconds: responseLatency, receiptLatencyMilliseconds: receiptLatency,
            synchronous: synchronous)
        let node = try await BenchNode.start(options)
        do {
            try await measure(node)
        } catch {
            await node.stop()
            throw error
        }
        await node.stop()
    }

    private func measure(_ node: BenchNode) async throws {
        let text = Self.body(parts: parts)
        if warmup > 0 {
            _ = try await send(warmup, offset: 0, text: text, client: node.client)
            guard await node.waitUntilFinal(atLeast: warmup, timeout: .seconds(300)) else { throw BenchError("the warm-up messages were not delivered") }
        }
        let began = ContinuousClock.now
        let sent = try await send(messages, offset: warmup, text: text, client: node.client)
        let acceptPhase = ContinuousClock.now - began
        let allFinal = await node.waitUntilFinal(atLeast: warmup + sent.ids.count, timeout: .seconds(600))

        let measured = Set(sent.ids)
        let stored = try await node.allMessages().filter { measured.contains($0.id.rawValue) }
        var toSubmitted: [Double] = []
        var toDelivered: [Double] = []
        var firstAccepted = Int64.max
        var lastDelivered = Int64.min
        var statuses: [MessageStatus: Int] = [:]
        for message in stored {
            statuses[message.status, default: 0] += 1
            let created = message.createdAt.millisecondsSince1970
            firstAccepted = min(firstAccepted, created)
            if let submitted = message.history.first(where: { $0.status == .submitted }) {
                toSubmitted.append(Double(submitted.at.millisecondsSince1970 - created))
            }
            if let delivered = message.history.first(where: { $0.status == .delivered }) {
                toDelivered.append(Double(delivered.at.millisecondsSince1970 - created))
                lastDelivered = max(lastDelivered, delivered.at.millisecondsSince1970)
            }
        }
        let chainSeconds = lastDelivered > firstAccepted ? Double(lastDelivered - firstAccepted) / 1000 : 0
        let acceptSeconds = BenchStatistics.seconds(acceptPhase)

        print("""
            Herald gateway benchmark: \(messages) messages × \(parts) part(s), \(concurrency) HTTP clients, \
            \(binds) bind(s) × window \(window), simulator latency \(responseLatency) ms / receipt \(receiptLatency) ms, \
            SQLite synchronous=\(synchronous), \(ProcessInfo.processInfo.activeProcessorCount) cores.

            | measure | value |
            |---|---:|
            | HTTP accepted (202) per second | \(BenchStatistics.format(Double(sent.ids.count) / max(acceptSeconds, 1e-9), decimals: 0)) |
            | accepted → delivered, messages per second | \(BenchStatistics.format(Double(toDelivered.count) / max(chainSeconds, 1e-3), decimals: 0)) |
            | SMS parts delivered per second | \(BenchStatistics.format(Double(toDelivered.count * parts) / max(chainSeconds, 1e-3), decimals: 0)) |
            | delivered / sent | \(toDelivered.count) / \(messages) |

            \(BenchStatistics.latencyHeader)
            \(BenchStatistics.latencyRow("HTTP POST → 202 (client)", sent.latencies))
            \(BenchStatistics.latencyRow("accepted → submitted", toSubmitted))
            \(BenchStatistics.latencyRow("accepted → delivered", toDelivered))
            """)
        if !allFinal || toDelivered.count < messages || sent.failures > 0 {
            let other = statuses.filter { $0.key != .delivered }.map { "\($0.key.rawValue)=\($0.value)" }.sorted().joined(separator: ", ")
            print("warning: \(sent.failures) sends refused; not delivered: \(other.isEmpty ? "none final yet" : other)")
        }
    }

    private func send(_ count: Int, offset: Int, text: String, client: BenchHTTPClient) async throws -> BenchSender.Sent {
        try await BenchSender(concurrency: concurrency).send(count, offset: offset, text: text, to: [client])
    }
}
