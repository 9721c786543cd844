/// The routing rules in force and their version, as a ``RouteStore`` keeps them.
///
/// The version grows by one with every replacement, so nodes can poll ``RouteStore/routesVersion()``
/// and reload only on change. Version 0 is the empty set before the first change.
public struct RouteSet: Sendable, Hashable, Codable {
    public var version: Int64
    public var rules: [RouteRule]
    /// When the rules were last replaced; `nil` for version 0.
    public var updatedAt: Timestamp?

    public init(version: Int64, rules: [RouteRule], updatedAt: Timestamp? = nil) {
        self.version = version
        self.rules = rules
        self.updatedAt = updatedAt
    }

    /// The empty rule set every store starts with.
    public static let empty = RouteSet(version: 0, rules: [])
}
