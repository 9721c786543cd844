import Foundation
import Synchronization
@testable import SMPP

/// A child process whose stdout is read line by line (for the Python interop peers).
final class LineProcess: Sendable {
    private let process: Process
    private let stdinPipe: Pipe
    private let buffered: LockedBox<(lines: [(text: String, taken: Bool)], eof: Bool)>
    private let stderrText: LockedBox<String>
    let transcript = Mutex<[String]>([])

    init(executable: String, arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        let buffered = LockedBox<(lines: [(text: String, taken: Bool)], eof: Bool)>(([], false))
        let pending = LockedBox(Data())
        stdout.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                buffered.withLock { $0.eof = true }
                return
            }
            let complete: [String] = pending.withLock { buffer in
                buffer.append(data)
                var result: [String] = []
                while let newline = buffer.firstIndex(of: 0x0A) {
                    result.append(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
                    buffer.removeSubrange(buffer.startIndex...newline)
                }
                return result
            }
            buffered.withLock { $0.lines += complete.map { (text: $0, taken: false) } }
        }
        let errText = LockedBox("")
        stderr.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                return
            }
            errText.withLock { $0 += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
        self.buffered = buffered
        self.stderrText = errText
        self.process = process
        self.stdinPipe = stdin
    }

    /// Starts `python3 <repo>/scripts/smpp/<script> arguments…`.
    static func python(script: String, _ arguments: [String]) throws -> LineProcess {
        let python = ExternalTool.find("python3") ?? "/usr/bin/python3"
        let path = ExternalTool.repositoryRoot.appendingPathComponent("scripts/smpp/\(script)").path
        return try LineProcess(executable: python, arguments: ["-u", path] + arguments)
    }

    /// The earliest line not returned yet, or nil at EOF / timeout.
    func nextLine(timeout: Duration = .seconds(60)) async -> String? {
        await take(timeout: timeout) { _ in true }
    }

    /// The earliest line not returned yet that starts with `prefix` (earlier non-matching lines
    /// stay available); nil at EOF / timeout.
    func line(startingWith prefix: String, timeout: Duration = .seconds(60)) async -> String? {
        await take(timeout: timeout) { $0.hasPrefix(prefix) }
    }

    private func take(timeout: Duration, where matches: (String) -> Bool) async -> String? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            let (line, eof) = buffered.withLock { state -> (String?, Bool) in
                if let index = state.lines.firstIndex(where: { !$0.taken && matches($0.text) }) {
                    state.lines[index].taken = true
                    return (state.lines[index].text, false)
                }
                return (nil, state.eof)
            }
            if let line {
                transcript.withLock { $0.append(line) }
                return line
            }
            if eof || clock.now >= deadline { return nil }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    var stderr: String { stderrText.withLock { $0 } }

    /// Closes the child's stdin (our Python peers exit on EOF).
    func closeInput() {
        try? stdinPipe.fileHandleForWriting.close()
    }

    /// Waits for exit (terminating after `timeout`); returns the exit status.
    @discardableResult
    func waitForExit(timeout: Duration = .seconds(30)) async -> Int32 {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while process.isRunning, clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    func terminate() {
        closeInput()
        if process.isRunning { process.terminate() }
    }
}
