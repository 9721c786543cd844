/// A numbering metadata table could not be decoded.
public struct NumberingMetadataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable error code.
    public var code: String { "invalid_metadata" }
    /// 1-based line of the table, or 0 when the problem is not tied to a line.
    public let line: Int
    /// What is wrong, for humans.
    public let message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "\(code) (line \(line)): \(message)" }
}
