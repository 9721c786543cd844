import Hummingbird

/// A set of routes added to Herald's router by ``HeraldAPI/buildRouter(services:groups:)``.
///
/// Each feature's routes live in their own type and file; a group holds the services it needs beyond
/// ``HTTPServices`` and chooses its own authentication middleware.
///
/// ```swift
/// struct VerificationRoutes: HeraldRouteGroup {
///     let verifications: VerificationService
///     func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices) {
///         let group = router.group("/v1/verifications").add(middleware: APIKeyAuthenticationMiddleware(accounts: services.accounts))
///         group.post { request, context in … }
///     }
/// }
/// let router = HeraldAPI.buildRouter(services: services, groups: HeraldAPI.standardGroups + [VerificationRoutes(verifications: v)])
/// ```
public protocol HeraldRouteGroup: Sendable {
    func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices)
}
