import Foundation

/// Temporary files for configuration tests.
enum FileManagerShim {
    static func temporaryPath(_ ext: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("herald-app-\(UUID().uuidString).\(ext)").path
    }

    static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }
}
