import Foundation
import Logging
import SMPP
import Synchronization

/// The measurements behind `herald bench smpp`.
enum SMPPBench {
    /// Answers every submit_sm immediately with an increasing message id.
    struct ImmediateHandler: SMPPServerHandler {
        let counter = Counter()

        final class Counter: Sendable {
            let value = Atomic<Int>(0)
        }

        func authenticate(_ attempt: SMPPBindAttempt) async -> SMPPBindDecision {
            .accept(SMPPSessionLimits(maxInFlight: 10_000))
        }

        func handle(_ request: SMPPServerRequest, from session: SMPPServerSession) async throws -> SMPPServerResponse {
            let id = counter.value.wrappingAdd(1, ordering: .relaxed).newValue
            return .submitSM(SubmitSMResponse(messageID: String(id, radix: 16)))
        }
    }

    static func againstOwnServer(window: Int, messages: Int, warmup: Int, duration: Double, logger: Logger) async throws -> SMPPBenchResult {
        let server = SMPPServer(configuration: .init(host: "127.0.0.1", port: 0, systemID: "BenchSMSC"),
                                handler: ImmediateHandler(), logger: logger)
        return try await withThrowingTaskGroup(of: SMPPBenchResult?.self) { group in
            group.addTask {
                try await server.run()
                return nil
            }
            guard let port = try await server.listeningAddress().port else {
                throw SMPPError(.connectFailed, message: "server has no port")
            }
            let result = try await measure(port: port, window: window, messages: messages, warmup: warmup, duration: duration, logger: logger)
            await server.shutdown()
            for try await _ in group {}
            return result
        }
    }

    static func againstSmpp34(window: Int, messages: Int, warmup: Int, duration: Double, python: String, script: String,
                              logger: Logger) async throws -> SMPPBenchResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, "-u", script, "--quiet"]
        let stdout = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardInput = stdin
        try process.run()
        defer {
            try? stdin.fileHandleForWriting.close()
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning, Date() < deadline { usleep(20_000) }
            if process.isRunning { process.terminate() }
        }
        let ready = readLine(from: stdout.fileHandleForReading)
        guard let ready, ready.hasPrefix("READY "), let port = Int(ready.dropFirst(6)) else {
            throw SMPPError(.connectFailed, message: "smpp34 server did not start (got \(ready ?? "EOF")); is the smpp34 package installed?")
        }
        return try await measure(port: port, window: window, messages: messages, warmup: warmup, duration: duration, logger: logger)
    }

    private static func readLine(from handle: FileHandle) -> String? {
        var bytes: [UInt8] = []
        while true {
            let data = handle.readData(ofLength: 1)
            guard let byte = data.first else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == 0x0A { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }

    /// Binds one transmitter with `window` and submits as fast as the window allows.
    static func measure(port: Int, window: Int, messages: Int, warmup: Int, duration: Double, logger: Logger) async throws -> SMPPBenchResult {
        var configuration = SMPPClient.Configuration(host: "127.0.0.1", port: port, systemID: "bench", password: "bench",
                                                     bindType: .transmitter)
        configuration.windowSize = window
        configuration.enquireLinkInterval = nil
        let client = SMPPClient(configuration: configuration, logger: logger)
        return try await withThrowingTaskGroup(of: SMPPBenchResult?.self) { group in
            group.addTask {
                try await client.run()
                return nil
            }
            try await client.waitUntilBound()
            let sm = SubmitSM(source: .international("15550001"), destination: .international("15550002"),
                              registeredDelivery: .receiptOnFinal, shortMessage: Array("Your verification code is 123456".utf8))
            // Twice the window in concurrent callers keeps the client's queue non-empty, so the
            // window (not the callers) is the limit on the wire.
            let workers = max(2, window * 2)
            _ = try await run(client: client, sm: sm, workers: workers, messages: warmup, seconds: duration)
            let result = try await run(client: client, sm: sm, workers: workers, messages: messages, seconds: duration)
            await client.shutdown()
            for try await _ in group {}
            return result
        }
    }

    private static func run(client: SMPPClient, sm: SubmitSM, workers: Int, messages: Int, seconds: Double) async throws -> SMPPBenchResult {
        final class Progress: Sendable {
            let issued = Atomic<Int>(0)
            let completed = Atomic<Int>(0)
            let failed = Atomic<Int>(0)
        }
        let progress = Progress()
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + .milliseconds(Int(seconds * 1000))
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<workers {
                group.addTask {
                    while progress.issued.wrappingAdd(1, ordering: .relaxed).newValue <= messages, clock.now < deadline {
                        do {
                            _ = try await client.submit(sm)
                            progress.completed.wrappingAdd(1, ordering: .relaxed)
                        } catch {
                            progress.failed.wrappingAdd(1, ordering: .relaxed)
                        }
                    }
                }
            }
        }
        let elapsed = clock.now - start
        let secondsElapsed = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return SMPPBenchResult(messages: progress.completed.load(ordering: .relaxed), seconds: secondsElapsed,
                               failures: progress.failed.load(ordering: .relaxed))
    }
}
