/// Port: checks a route rule set against the carrier links in service before it may become a proposal or
/// take effect. Implemented by the routing engine's compiler (module `HeraldRouting`).
public protocol RouteRulesValidator: Sendable {
    /// - Throws: ``HeraldError`` `invalid_routes` describing every problem found.
    func validate(_ rules: [RouteRule], linkIDs: Set<String>) throws
}
