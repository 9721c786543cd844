import HeraldCore
import HeraldHTTP
import HeraldTestSupport
import Logging

/// The inbound message route group over the harness's store, so router-wide checks (the OpenAPI
/// document) see every route the application serves.
extension APIHarness {
    func inboundRouteGroups() -> [any HeraldRouteGroup] {
        var logger = Logger(label: "herald.tests.http")
        logger.logLevel = .warning
        let numbers = NumberAssignmentService(store: store, accounts: store, resolver: SimpleNumberResolver(), clock: clock)
        let inbound = InboundMessageService(
            dependencies: .init(
                store: store, accounts: store, smppAccounts: store, audit: store, numbers: numbers, clock: clock, random: SystemRandomSource(),
                pseudonymizer: Pseudonymizer(key: Array(repeating: 1, count: 32))),
            logger: logger)
        return [InboundRoutes(inbound: inbound)]
    }
}
