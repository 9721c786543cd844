import Foundation
import Testing

/// Runs outside tools (python3, tshark) for interop tests.
///
/// When a tool is missing the test is cancelled (reported as skipped, with the reason), unless
/// `HERALD_REQUIRE_INTEROP=1`, in which case the absence is recorded as a failure.
enum ExternalTool {
    static var interopRequired: Bool {
        ProcessInfo.processInfo.environment["HERALD_REQUIRE_INTEROP"] == "1"
    }

    /// The absolute path of `name` on PATH, or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Reports a missing prerequisite: a failure under HERALD_REQUIRE_INTEROP=1, else cancels the
    /// running test so it is reported as skipped rather than passed. Callers `return` afterwards.
    static func skip(_ reason: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if interopRequired {
            Issue.record("interop prerequisite missing: \(reason)", sourceLocation: sourceLocation)
        } else {
            try Test.cancel("skipped: \(reason) (set HERALD_REQUIRE_INTEROP=1 to make this a failure)", sourceLocation: sourceLocation)
        }
    }

    /// Whether `python3` can import all `modules`.
    static func pythonHasModules(_ modules: [String]) -> Bool {
        guard let python = find("python3") else { return false }
        let result = try? run(python, ["-c", modules.map { "import \($0)" }.joined(separator: "; ")])
        return result?.status == 0
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a process to completion and captures its output.
    static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The repository root, found from this file's path.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // SMPPTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
    }
}
