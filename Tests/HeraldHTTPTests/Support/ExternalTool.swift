import Foundation
import Testing

/// Finds the repository and runs outside tools (python3, node) for interoperability tests.
enum ExternalTool {
    /// The repository root, from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var interopRequired: Bool { ProcessInfo.processInfo.environment["HERALD_REQUIRE_INTEROP"] == "1" }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` (looked up on PATH) with `arguments`; `nil` when it cannot be started.
    static func run(_ executable: String, _ arguments: [String]) -> Output? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            return nil
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // env answers 127 when the executable does not exist.
        guard process.terminationStatus != 127 else { return nil }
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Called when a tool is missing: fails under `HERALD_REQUIRE_INTEROP=1`, else notes it and lets the test end.
    static func unavailable(_ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if interopRequired {
            Issue.record("\(what) is required (HERALD_REQUIRE_INTEROP=1) but not available", sourceLocation: sourceLocation)
        } else {
            print("note: skipping check, \(what) is not available")
        }
    }

    /// Writes `text` to a new temporary file and returns its path.
    static func temporaryFile(_ text: String, suffix: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("herald-\(UUID().uuidString)\(suffix)")
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
