import HeraldCore

/// The route groups of the verification feature, for ``HeraldAPI/buildRouter(services:groups:)``.
///
/// ```swift
/// let router = HeraldAPI.buildRouter(services: services, groups: HeraldAPI.standardGroups + VerificationAPI.routeGroups(verifications: service))
/// ```
public enum VerificationAPI {
    /// `/v1/verifications`, `/v1/analytics/verifications` and `/v1/fraud` (the service's fraud guard).
    public static func routeGroups(verifications: VerificationService) -> [any HeraldRouteGroup] {
        [
            VerificationRoutes(verifications: verifications), AnalyticsRoutes(verifications: verifications),
            FraudRoutes(fraudGuard: verifications.dependencies.fraudGuard),
        ]
    }
}
