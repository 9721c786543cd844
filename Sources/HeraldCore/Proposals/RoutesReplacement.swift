/// A new route rule set, prepared against routes version ``baseVersion``.
public struct RoutesReplacement: Sendable, Equatable, Codable {
    public var rules: [RouteRule]
    /// The routes version in force when it was proposed; approval is refused once the routes changed.
    public var baseVersion: Int64

    enum CodingKeys: String, CodingKey {
        case rules
        case baseVersion = "base_version"
    }

    public init(rules: [RouteRule], baseVersion: Int64) {
        self.rules = rules
        self.baseVersion = baseVersion
    }
}
