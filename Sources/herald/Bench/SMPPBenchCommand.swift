import ArgumentParser
import Foundation
import Logging
import SMPP

/// `herald bench smpp`: submit_sm throughput over loopback, one bind, several window sizes.
///
/// For each window size it measures our client against our server (in-process) and our client
/// against the `smpp34` server (a Python subprocess running scripts/smpp/smpp34_server.py), and
/// prints messages per second and the ratio ours/smpp34. Build in release for real figures:
/// `swift build -c release --product herald && .build/release/herald bench smpp`.
struct SMPPBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smpp",
        abstract: "submit_sm throughput over loopback: our client vs our server and vs the smpp34 server."
    )

    @Option(name: .long, help: "Messages to submit per measurement (after warm-up).")
    var messages: Int = 200_000

    @Option(name: .long, help: "Maximum seconds per measurement (it stops at whichever comes first).")
    var duration: Double = 10

    @Option(name: .long, parsing: .upToNextOption, help: "Window sizes to measure.")
    var windows: [Int] = [1, 10, 64]

    @Option(name: .long, help: "Warm-up messages before each measurement.")
    var warmup: Int = 2_000

    @Flag(name: .long, help: "Skip the smpp34 comparison.")
    var skipSmpp34 = false

    @Option(name: .long, help: "Python interpreter with the smpp34 package.")
    var python = "python3"

    @Option(name: .long, help: "Path to scripts/smpp/smpp34_server.py (default: found from the working directory).")
    var smpp34Script: String?

    func run() async throws {
        let logger = Logger(label: "herald.bench.smpp", factory: { _ in SwiftLogNoOpLogHandler() })
        var rows: [(window: Int, ours: SMPPBenchResult, smpp34: SMPPBenchResult?)] = []
        let script = skipSmpp34 ? nil : try locateScript()

        print("submit_sm throughput, one bind over 127.0.0.1, \(messages) messages or \(duration) s per cell")
        for window in windows {
            let ours = try await SMPPBench.againstOwnServer(window: window, messages: messages, warmup: warmup,
                                                            duration: duration, logger: logger)
            print("  window \(window): ours→ours \(ours.formattedRate) msg/s")
            var peer: SMPPBenchResult?
            if let script {
                let measured = try await SMPPBench.againstSmpp34(window: window, messages: messages, warmup: warmup, duration: duration,
                                                                 python: python, script: script, logger: logger)
                print("  window \(window): ours→smpp34 \(measured.formattedRate) msg/s")
                peer = measured
            }
            rows.append((window, ours, peer))
        }

        print("")
        print("| window | ours → ours (msg/s) | ours → smpp34 (msg/s) | ratio ours/smpp34 |")
        print("|-------:|--------------------:|----------------------:|------------------:|")
        for row in rows {
            let peer = row.smpp34.map(\.formattedRate) ?? "—"
            let ratio = row.smpp34.map { String(format: "%.2f×", row.ours.rate / max($0.rate, 1)) } ?? "—"
            print("| \(pad(row.window, 6)) | \(pad(row.ours.formattedRate, 19)) | \(pad(peer, 21)) | \(pad(ratio, 17)) |")
        }
        let failures = rows.reduce(0) { $0 + $1.ours.failures + ($1.smpp34?.failures ?? 0) }
        if failures > 0 { print("warning: \(failures) submits failed") }
    }

    private func pad(_ value: some CustomStringConvertible, _ width: Int) -> String {
        let text = "\(value)"
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private func locateScript() throws -> String {
        if let smpp34Script { return smpp34Script }
        let relative = "scripts/smpp/smpp34_server.py"
        var candidates = [FileManager.default.currentDirectoryPath + "/" + relative]
        // A development checkout: relative to this source file.
        let source = URL(fileURLWithPath: #filePath)
        candidates.append(source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(relative).path)
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate) {
            return candidate
        }
        throw ValidationError("cannot find \(relative); pass --smpp34-script or --skip-smpp34")
    }
}
