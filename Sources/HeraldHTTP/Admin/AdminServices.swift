import HeraldCore
import HeraldRouting

/// What the admin API's route groups need, injected by the application.
///
/// ```swift
/// let admin = AdminServices(access: access, accounts: accounts, administration: administration, proposals: proposals,
///                           smppAccess: smppAdministration, numbers: numbers, exports: exports, store: store, fraudGuard: fraudGuard, routing: engine,
///                           linkStatuses: { gateway.linkStatuses() })
/// let router = HeraldAPI.buildRouter(services: services, groups: HeraldAPI.standardGroups + AdminAPI.routeGroups(admin))
/// ```
public struct AdminServices: Sendable {
    /// Operator authentication and the audit of refused attempts.
    public var access: OperatorAccess
    public var accounts: AccountService
    public var administration: AccountAdministration
    public var proposals: ProposalService
    /// Accounts' access to the customer SMPP listener (throughput raises as proposals).
    public var smppAccess: SMPPAccountAdministration
    /// Numbers and short codes assigned to accounts (two-way messaging).
    public var numbers: NumberAssignmentService
    public var exports: MessageExportService
    public var store: any AdministrationStore
    public var fraudGuard: FraudGuard
    /// The routing engine in force on this node (its version and last refused reload).
    public var routing: RoutingEngine
    /// Live health of the links in service.
    public var linkStatuses: @Sendable () -> [String: LinkStatus]
    /// Links the gateway runs that are not stored (the built-in simulator's), listed with origin `built_in`.
    public var builtInLinks: [CarrierLinkDefinition]
    /// Explains how the gateway would route a number now (the dry run behind `GET /v1/admin/routes/explain`).
    public var explainRoute: @Sendable (RouteExplainQuery) throws -> RouteDryRun

    public init(
        access: OperatorAccess, accounts: AccountService, administration: AccountAdministration, proposals: ProposalService,
        smppAccess: SMPPAccountAdministration, numbers: NumberAssignmentService, exports: MessageExportService, store: any AdministrationStore, fraudGuard: FraudGuard, routing: RoutingEngine,
        linkStatuses: @escaping @Sendable () -> [String: LinkStatus], builtInLinks: [CarrierLinkDefinition] = [],
        explainRoute: (@Sendable (RouteExplainQuery) throws -> RouteDryRun)? = nil
    ) {
        self.access = access
        self.accounts = accounts
        self.administration = administration
        self.proposals = proposals
        self.smppAccess = smppAccess
        self.numbers = numbers
        self.exports = exports
        self.store = store
        self.fraudGuard = fraudGuard
        self.routing = routing
        self.linkStatuses = linkStatuses
        self.builtInLinks = builtInLinks
        self.explainRoute = explainRoute ?? { query in
            try routing.dryRun(
                number: query.number, defaultRegion: query.region, accountID: query.accountID, messageID: query.messageID,
                linkStatuses: linkStatuses())
        }
    }
}
