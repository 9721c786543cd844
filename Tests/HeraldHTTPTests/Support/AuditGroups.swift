import HeraldAuditLog
import HeraldCore
import HeraldHTTP
import HeraldRouting
import Logging

/// The auditor API over the harness's (sealed) store, behind operator authentication with the `auditor`
/// role and with its disclosure routes, so router-wide checks see its routes too.
extension APIHarness {
    func auditRouteGroup() -> any HeraldRouteGroup {
        var logger = Logger(label: "herald.tests.http")
        logger.logLevel = .warning
        let log = MerkleAuditLog(identity: Self.auditIdentity, store: store, clock: clock, logger: logger)
        let random = SystemRandomSource()
        let proposals = ProposalService(dependencies: .init(
            store: store, routeValidator: RouteTableValidator(), configuredRetention: RetentionSettings(messageBodyDays: 30, receiptGraceSeconds: 3600),
            clock: clock, random: random))
        let access = OperatorAccess(operators: OperatorService(store: store, clock: clock, random: random), audit: store, clock: clock)
        return AuditRoutes(
            log: log, authentication: access.auditor,
            disclosures: AuditDisclosures(proposals: proposals, disclosures: SealedValueDisclosureService(store: store, log: log, clock: clock)))
    }

    /// A new operator with the `auditor` role; its token text.
    func newAuditorToken() async throws -> String {
        try await OperatorService(store: store, clock: clock, random: SystemRandomSource())
            .createOperator(name: "Auditor", role: .auditor, actor: .cli("test")).credential.text
    }
}
