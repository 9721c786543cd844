import HeraldCore

/// The route groups of the admin API (`/v1/admin/…`), for ``HeraldAPI/buildRouter(services:groups:)``.
/// Every route needs an operator token whose role grants the route's permission (docs/oversight.md).
///
/// ```swift
/// let router = HeraldAPI.buildRouter(services: services, groups: HeraldAPI.standardGroups + AdminAPI.routeGroups(admin))
/// ```
public enum AdminAPI {
    /// The path every admin route starts with.
    public static let basePath = "/v1/admin"

    public static func routeGroups(_ services: AdminServices) -> [any HeraldRouteGroup] {
        [
            AdminAccountRoutes(admin: services), AdminRoutingRoutes(admin: services), AdminCarrierLinkRoutes(admin: services),
            AdminRetentionRoutes(admin: services), AdminExportRoutes(admin: services), AdminProposalRoutes(admin: services),
            AdminOperatorRoutes(admin: services), AdminFraudRoutes(admin: services), AdminSMPPAccessRoutes(admin: services),
            AdminNumberRoutes(admin: services),
        ]
    }
}
