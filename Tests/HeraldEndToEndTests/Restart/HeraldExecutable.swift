import Foundation

/// Finds the `herald` executable that `swift build` / `swift test` put next to the test bundle (the same
/// build products directory).
enum HeraldExecutable {
    static func locate() -> URL? {
        var directories: [URL] = []
        if let explicit = ProcessInfo.processInfo.environment["HERALD_EXECUTABLE"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
        }
        #if os(Linux)
        // The test runner itself (`…/debug/HeraldPackageTests.xctest` is an executable on Linux).
        if let runner = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            directories.append(URL(fileURLWithPath: runner).deletingLastPathComponent())
        }
        #endif
        directories.append(Bundle.main.bundleURL)
        directories.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for directory in directories {
            let candidate = directory.appendingPathComponent("herald")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
