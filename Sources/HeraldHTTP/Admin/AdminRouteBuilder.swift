import HeraldCore
import Hummingbird

/// Adds admin routes under one base path, each behind ``OperatorAuthenticationMiddleware`` with the
/// permission it names, so no admin route can be added without a role requirement.
///
/// ```swift
/// let routes = AdminRouteBuilder(router: router, basePath: "/v1/admin/accounts", access: services.access)
/// routes.get("", .viewAdministration) { request, context in try JSONResponse.encode(…) }
/// ```
public struct AdminRouteBuilder {
    public typealias Handler = @Sendable (Request, HeraldRequestContext) async throws -> Response

    let router: Router<HeraldRequestContext>
    let basePath: String
    let access: OperatorAccess

    public init(router: Router<HeraldRequestContext>, basePath: String, access: OperatorAccess) {
        self.router = router
        self.basePath = basePath
        self.access = access
    }

    public func get(_ path: String, _ permission: OperatorPermission, use handler: @escaping Handler) {
        add(path, method: .get, permission, handler)
    }

    public func post(_ path: String, _ permission: OperatorPermission, use handler: @escaping Handler) {
        add(path, method: .post, permission, handler)
    }

    public func put(_ path: String, _ permission: OperatorPermission, use handler: @escaping Handler) {
        add(path, method: .put, permission, handler)
    }

    public func delete(_ path: String, _ permission: OperatorPermission, use handler: @escaping Handler) {
        add(path, method: .delete, permission, handler)
    }

    private func add(_ path: String, method: HTTPRequest.Method, _ permission: OperatorPermission, _ handler: @escaping Handler) {
        router.group(RouterPath(basePath)).add(middleware: access.requiring(permission)).on(RouterPath(path), method: method, use: handler)
    }
}
