import HeraldCore

/// A rule set that cannot be compiled into a ``RouteTable``: every problem found, not only the first.
///
/// The engine keeps its previous table when a reload fails with this error.
public struct RouteTableError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every problem, in rule order.
    public var issues: [RouteValidationIssue]

    public init(issues: [RouteValidationIssue]) {
        self.issues = issues
    }

    /// Stable code of the whole error.
    public var code: String { "invalid_routes" }

    /// One sentence summarising the problems, listing the first few.
    public var message: String {
        let shown = issues.prefix(Self.listed).map(\.description).joined(separator: "; ")
        let more = issues.count > Self.listed ? "; and \(issues.count - Self.listed) more" : ""
        return "the route rules are invalid (\(issues.count) problem\(issues.count == 1 ? "" : "s")): \(shown)\(more)"
    }

    public var description: String { "\(code): \(message)" }

    /// The error as the core's transport-neutral error (category `invalidInput`).
    public var heraldError: HeraldError { HeraldError(.invalidInput, code: code, message) }

    private static var listed: Int { 10 }
}
