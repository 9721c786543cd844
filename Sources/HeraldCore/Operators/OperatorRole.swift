/// What an operator may do. Viewer, support and admin build on each other; auditor stands apart: it reads
/// the audit log and nothing else, and nobody else reads the audit log.
///
/// | Permission | viewer | support | admin | auditor |
/// | --- | --- | --- | --- | --- |
/// | ``OperatorPermission/viewAdministration`` | ✓ | ✓ | ✓ | |
/// | ``OperatorPermission/supportAccounts`` | | ✓ | ✓ | |
/// | ``OperatorPermission/changeSettings`` | | | ✓ | |
/// | ``OperatorPermission/decideProposals`` | | | ✓ | |
/// | ``OperatorPermission/manageOperators`` | | | ✓ | |
/// | ``OperatorPermission/readAuditLog`` | | | | ✓ |
public enum OperatorRole: String, Sendable, Codable, Equatable, CaseIterable, Comparable {
    case viewer
    case support
    case admin
    case auditor

    /// Every permission the role grants.
    public var permissions: Set<OperatorPermission> {
        switch self {
        case .viewer: [.viewAdministration]
        case .support: [.viewAdministration, .supportAccounts]
        case .admin: [.viewAdministration, .supportAccounts, .changeSettings, .decideProposals, .manageOperators]
        case .auditor: [.readAuditLog]
        }
    }

    public func allows(_ permission: OperatorPermission) -> Bool { permissions.contains(permission) }

    /// The roles that grant `permission`, for error messages and documentation.
    public static func granting(_ permission: OperatorPermission) -> [OperatorRole] {
        allCases.filter { $0.allows(permission) }
    }

    /// Declaration order (viewer < support < admin < auditor); only used to sort listings.
    public static func < (lhs: OperatorRole, rhs: OperatorRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
