import Foundation
import Testing

/// Runs the Python helper scripts in `scripts/numbering/` for the interop tests.
///
/// When python3 or the `phonenumbers` package is missing the tests are reported as skipped, unless
/// `HERALD_REQUIRE_INTEROP=1` is set (as in CI), in which case they fail.
enum PythonReference {
    static let repositoryRoot: URL = {
        // Tests/NumberingTests/Support/PythonReference.swift → repository root
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }()

    static var interopRequired: Bool { ProcessInfo.processInfo.environment["HERALD_REQUIRE_INTEROP"] == "1" }

    /// Whether python3 with `phonenumbers` can be used. When it cannot, records an issue if it must
    /// (HERALD_REQUIRE_INTEROP=1) and returns false, or else cancels the test so it is reported as skipped.
    static func available(for testName: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Bool {
        let probe = run(["python3", "-c", "import phonenumbers"])
        if probe?.status == 0 { return true }
        let message = "\(testName): python3 with the phonenumbers package is not available"
        if interopRequired {
            Issue.record("\(message) (HERALD_REQUIRE_INTEROP=1 requires it)", sourceLocation: sourceLocation)
            return false
        }
        try Test.cancel("skipped: \(message)", sourceLocation: sourceLocation)
    }

    /// Runs a script from `scripts/numbering/` and returns what it wrote to `--output`.
    static func output(ofScript script: String, arguments: [String]) throws -> String {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("herald-numbering-\(UUID().uuidString).tsv")
        defer { try? FileManager.default.removeItem(at: file) }
        let path = repositoryRoot.appendingPathComponent("scripts/numbering/\(script)").path
        guard let result = run(["python3", path] + arguments + ["--output", file.path]), result.status == 0 else {
            throw ScriptFailure(script: script)
        }
        return try String(contentsOf: file, encoding: .utf8)
    }

    /// Runs a script from `scripts/numbering/` and returns its exit status.
    static func run(script: String, arguments: [String]) throws -> Int32 {
        let path = repositoryRoot.appendingPathComponent("scripts/numbering/\(script)").path
        guard let result = run(["python3", path] + arguments) else { throw ScriptFailure(script: script) }
        return result.status
    }

    struct ScriptFailure: Error, CustomStringConvertible {
        let script: String
        var description: String { "\(script) failed" }
    }

    private static func run(_ command: [String]) -> (status: Int32, stderr: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let errorData = errorPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = String(decoding: errorData, as: UTF8.self)
        if !stderr.isEmpty { print(stderr, terminator: "") }
        return (process.terminationStatus, stderr)
    }
}
