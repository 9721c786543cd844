import Hummingbird

/// Answers 405 with an `Allow` header when a path exists but not for the request's method.
///
/// Hummingbird reports both "no such path" and "no such method" as 404. ``HeraldAPI`` adds this middleware
/// after every route, so it wraps only the not-found responder; it compares the path against the
/// registered route table the way the router's trie does (literal segments win over captures).
public struct MethodNotAllowedMiddleware: RouterMiddleware {
    public typealias Context = HeraldRequestContext

    /// One registered route.
    struct Route: Sendable {
        var method: String
        var path: String
        var components: [RouterPath.Element]
    }

    let routes: [Route]

    /// - Parameter routes: `router.routes` after every route was registered.
    public init(routes: [Router<HeraldRequestContext>.RouteDescription]) {
        self.routes = routes.map { Route(method: $0.method.rawValue, path: $0.path.description, components: $0.path.components) }
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError where error.status == .notFound {
            let allowed = allowedMethods(forPath: request.uri.path)
            guard !allowed.isEmpty else { throw HTTPProblem.routeNotFound }
            throw HTTPProblem.methodNotAllowed(method: request.method.rawValue, allowed: allowed)
        }
    }

    /// Methods registered for the route the router would pick for `path` (empty when none matches).
    func allowedMethods(forPath path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        var best: (score: [Bool], path: String)?
        for route in routes where route.components.count == segments.count {
            guard zip(route.components, segments).allSatisfy({ $0 ~= $1 }) else { continue }
            let score = zip(route.components, segments).map { $0 == $1 }
            if let current = best, !isMoreSpecific(score, than: current.score) { continue }
            best = (score, route.path)
        }
        guard let best else { return [] }
        return routes.filter { $0.path == best.path }.map(\.method).sorted()
    }

    /// Literal matches earlier in the path outrank later ones, as in the router's trie.
    private func isMoreSpecific(_ lhs: [Bool], than rhs: [Bool]) -> Bool {
        for (a, b) in zip(lhs, rhs) where a != b { return a }
        return false
    }
}
