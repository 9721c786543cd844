import HeraldCore
import HeraldHTTP
import HeraldRouting
import HeraldSQLite
import HeraldTestSupport
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
            smppAccess: SMPPAccountAdministration(
                service: SMPPAccountService(
                    dependencies: .init(store: store, accounts: store, audit: store, limiter: InMemoryRateLimiter(clock: clock), clock: clock, random: random),
                    hasher: SMPPPasswordHasher(rounds: 1000)),
                proposals: proposals),
            numbers: NumberAssignmentService(store: store, accounts: store, resolver: SimpleNumberResolver(), clock: clock),
            exports: MessageExportService(store: store, clock: clock), store: store,
            fraudGuard: FraudGuard(configuration: FraudGuardConfiguration(), store: store, clock: clock, random: random, logger: logger),
            routing: RoutingEngine(linkIDs: []), linkStatuses: { [:] })
        return AdminAPI.routeGroups(admin)
    }
}
