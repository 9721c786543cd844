import Foundation
import Testing

/// Finds the repository and outside tools (python3 with smpplib) for the interop tests.
enum ExternalTool {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var interopRequired: Bool { ProcessInfo.processInfo.environment["HERALD_REQUIRE_INTEROP"] == "1" }

    /// The absolute path of `name` on PATH, or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Whether `python3` can import `module`.
    static func pythonHas(_ module: String) -> Bool {
        guard let python = find("python3") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import \(module)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Reports a missing prerequisite: a failure under HERALD_REQUIRE_INTEROP=1, else a note.
    static func skip(_ reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if interopRequired {
            Issue.record("interop prerequisite missing: \(reason)", sourceLocation: sourceLocation)
        } else {
            print("⚠️ skipping interop test: \(reason) (set HERALD_REQUIRE_INTEROP=1 to make this a failure)")
        }
    }
}
