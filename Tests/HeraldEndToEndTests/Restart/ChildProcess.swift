import Foundation
import Synchronization

/// A child process started by a test: its standard output is collected line by line, standard error goes
/// to a log file (read on failure). ``end(with:)`` and ``stop()`` end it; ``ChildProcesses`` makes sure no
/// child outlives the test.
final class ChildProcess: Sendable {
    let name: String
    let logFile: URL
    private let process: Process
    private let lines = LineBuffer()

    /// Output lines, appended by the reading thread.
    final class LineBuffer: Sendable {
        let lines = Mutex<[String]>([])
    }

    /// - Parameter environment: added to the child's environment (after the developer's `HERALD_` settings are removed).
    init(name: String, executable: URL, arguments: [String], environment: [String: String] = [:], logDirectory: URL) throws {
        self.name = name
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        // Herald settings of the developer's shell must not leak into the child.
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("HERALD_") }.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        logFile = logDirectory.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8)).log")
        guard FileManager.default.createFile(atPath: logFile.path, contents: nil) else {
            throw EndToEndError("cannot create the log file \(logFile.path)")
        }
        process.standardError = try FileHandle(forWritingTo: logFile)
        self.process = process
        try process.run()
        let reader = output.fileHandleForReading
        let lines = self.lines
        Thread.detachNewThread {
            var pending = Data()
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    lines.lines.withLock { $0.append(line) }
                    pending.removeSubrange(pending.startIndex...newline)
                }
            }
        }
    }

    var processIdentifier: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }
    var output: [String] { lines.lines.withLock { $0 } }

    /// The first output line containing `text`, waiting for it (or `nil` if the process ends first or the
    /// deadline passes).
    func waitForLine(containing text: String, timeout: Duration = .seconds(120)) async -> String? {
        var found: String?
        _ = await Eventually.holds(timeout: timeout) {
            found = output.first { $0.contains(text) }
            return found != nil || !isRunning
        }
        return found ?? output.first { $0.contains(text) }
    }

    /// Sends `signal` and waits until the process has exited; returns its exit status.
    @discardableResult
    func end(with signal: Int32) -> Int32 {
        if process.isRunning { _ = kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// SIGTERM (a graceful shutdown), then SIGKILL if it has not ended within `grace`.
    @discardableResult
    func stop(grace: Duration = .seconds(60)) async -> Int32 {
        if process.isRunning { _ = kill(process.processIdentifier, SIGTERM) }
        _ = await Eventually.holds(timeout: grace) { !process.isRunning }
        return end(with: SIGKILL)
    }

    /// The tail of the standard error log, for failure messages.
    func logTail(_ count: Int = 30) -> String {
        let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(count).joined(separator: "\n")
    }
}

/// Every child a test started; ``killAll()`` (called on every way out of the test) leaves none behind.
final class ChildProcesses: Sendable {
    private let children = Mutex<[ChildProcess]>([])

    func start(name: String, executable: URL, arguments: [String], environment: [String: String] = [:], logDirectory: URL) throws -> ChildProcess {
        let child = try ChildProcess(name: name, executable: executable, arguments: arguments, environment: environment, logDirectory: logDirectory)
        children.withLock { $0.append(child) }
        return child
    }

    func killAll() {
        for child in children.withLock({ $0 }) { child.end(with: SIGKILL) }
    }
}
