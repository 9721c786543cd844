import Foundation

/// The smpplib customer ESME (`scripts/smpp/customer_esme.py`) as a child process: commands go to its
/// stdin, its stdout is read line by line.
final class ESMEProcess: Sendable {
    private let process: Process
    private let input: FileHandle
    private let lines = Locked<(lines: [(text: String, taken: Bool)], eof: Bool)>(([], false))
    private let errors = Locked("")

    init(port: Int) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ExternalTool.find("python3") ?? "/usr/bin/python3")
        process.arguments = ["-u", ExternalTool.repositoryRoot.appendingPathComponent("scripts/smpp/customer_esme.py").path, String(port)]
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        let lines = self.lines
        let pending = Locked(Data())
        stdout.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                lines.withLock { $0.eof = true }
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
            lines.withLock { $0.lines += complete.map { (text: $0, taken: false) } }
        }
        let errors = self.errors
        stderr.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                return
            }
            errors.withLock { $0 += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
        self.process = process
        self.input = stdin.fileHandleForWriting
    }

    /// Sends one command line.
    func send(_ command: String) {
        try? input.write(contentsOf: Data((command + "\n").utf8))
    }

    /// The earliest unread line starting with `prefix` (earlier other lines stay unread); nil at EOF or after `timeout`.
    func line(startingWith prefix: String, timeout: Duration = .seconds(60)) async -> String? {
        let deadline = ContinuousClock.now + timeout
        while true {
            let (line, eof) = lines.withLock { state -> (String?, Bool) in
                if let index = state.lines.firstIndex(where: { !$0.taken && $0.text.hasPrefix(prefix) }) {
                    state.lines[index].taken = true
                    return (state.lines[index].text, false)
                }
                return (nil, state.eof)
            }
            if let line { return line }
            if eof || ContinuousClock.now >= deadline { return nil }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Every line read so far (for failure messages).
    var transcript: String { lines.withLock { $0.lines.map(\.text).joined(separator: "\n") } + "\nstderr:\n" + errors.withLock { $0 } }

    func stop() {
        send("QUIT")
        try? input.close()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
    }
}
