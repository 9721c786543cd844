import HeraldCore
import HeraldHTTP
import HeraldRouting
import HeraldSQLite
import Logging

/// The admin API's route groups over the harness's store, so router-wide checks (the OpenAPI document)
/// see every route the application serves.
extension APIHarness {
    func adminRouteGroups() -> [any HeraldRouteGroup] {
        var logger = Logger(label: "herald.tests.http")
        logger.logLevel = .warning
        let random = SystemRandomSource()
        let operators = OperatorService(store: store, clock: clock, random: random)
        let proposals = ProposalService(dependencies: .init(
            store: store, routeValidator: RouteTableValidator(), configuredRetention: RetentionSettings(messageBodyDays: 30, receiptGraceSeconds: 3600),
            clock: clock, random: random))
        let admin = AdminServices(
            access: OperatorAccess(operators: operators, audit: store, clock: clock), accounts: accounts,
            administration: AccountAdministration(accounts: accounts, proposals: proposals), proposals: proposals,
            exports: MessageExportService(store: store, clock: clock), store: store,
            fraudGuard: FraudGuard(configuration: FraudGuardConfiguration(), store: store, clock: clock, random: random, logger: logger),
            routing: RoutingEngine(linkIDs: []), linkStatuses: { [:] })
        return AdminAPI.routeGroups(admin)
    }
}
