/// Problems found while loading a number-portability table, with their line numbers.
///
/// Loading reports every bad line (up to ``maximumIssues``) rather than only the first, so an
/// operator can fix a file in one go.
public struct PortabilityTableError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem on one line.
    public enum Code: String, Sendable, Hashable {
        /// The line does not have 3 or 4 comma-separated fields, or has a broken quote.
        case invalidFieldCount = "invalid_field_count"
        /// The number is not "+" followed by 2 to 15 digits (not starting with 0).
        case invalidNumber = "invalid_number"
        /// The MCC is not three digits.
        case invalidMCC = "invalid_mcc"
        /// The MNC is not two or three digits.
        case invalidMNC = "invalid_mnc"
        /// The number appeared on an earlier line.
        case duplicateNumber = "duplicate_number"
        /// The file could not be read.
        case unreadableFile = "unreadable_file"
    }

    /// One problem.
    public struct Issue: Sendable, Hashable, CustomStringConvertible {
        /// 1-based line number (0 when the problem concerns the whole file).
        public let line: Int
        public let code: Code
        public let message: String

        public var description: String { "line \(line): \(code.rawValue): \(message)" }
    }

    /// The problems, in line order (at most ``maximumIssues``).
    public let issues: [Issue]
    /// How many bad lines there were in total (may exceed `issues.count`).
    public let totalIssueCount: Int

    /// Most issues kept in one error.
    public static let maximumIssues = 100

    /// The code of the first problem.
    public var code: String { issues.first?.code.rawValue ?? "invalid_table" }

    /// A summary for humans.
    public var message: String {
        let listed = issues.prefix(5).map(\.description).joined(separator: "; ")
        let more = totalIssueCount > 5 ? " (and \(totalIssueCount - 5) more)" : ""
        return "The portability table has \(totalIssueCount) bad line(s): \(listed)\(more)"
    }

    public var description: String { "\(code): \(message)" }
}
