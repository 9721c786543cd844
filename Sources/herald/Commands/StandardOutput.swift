import Foundation

/// Unbuffered lines on standard output, so scripts and tests reading a pipe see them at once.
enum StandardOutput {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
