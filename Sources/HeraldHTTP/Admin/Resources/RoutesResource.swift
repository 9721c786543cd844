import HeraldCore

/// The stored route rules (in the routes-file format) with their version, and what the node has in force.
public struct RoutesResource: Sendable, Encodable {
    public var object = "routes"
    public var version: Int64
    public var updatedAt: Timestamp?
    /// The version this node routes with (it polls the store; a version whose rules it refused stays behind).
    public var inForceVersion: Int64
    /// Why this node refused the latest stored rules, when it did.
    public var reloadError: String?
    /// The links in service, which rules may name.
    public var links: [String]
    public var rules: [RouteRule]

    enum CodingKeys: String, CodingKey {
        case object, version
        case updatedAt = "updated_at"
        case inForceVersion = "in_force_version"
        case reloadError = "reload_error"
        case links, rules
    }

    public init(routes: RouteSet, inForceVersion: Int64, reloadError: String?, links: [String]) {
        version = routes.version
        updatedAt = routes.updatedAt
        self.inForceVersion = inForceVersion
        self.reloadError = reloadError
        self.links = links
        rules = routes.rules
    }
}
