import Foundation
import HeraldCore
import HeraldRouting
import Logging

/// The services administrative commands work with, over the database named by a configuration — for
/// `herald smpp-account …` and `herald number …`, which act on the database directly (without a running
/// server) with the actor `cli:<user>`.
///
/// ```swift
/// let context = try await AdministrationContext.open(configuration: try ConfigurationLoader.load(path: nil), logger: logger)
/// defer { Task { await context.close() } }
/// try await context.numbers.assign("+4915123456789", to: account, actor: context.actor)
/// ```
public struct AdministrationContext: Sendable {
    public let store: any GatewayStore
    public let smppAccounts: SMPPAccountService
    /// The two-person rule over ``smppAccounts``: throughput raises become proposals an admin approves.
    public let smppAdministration: SMPPAccountAdministration
    public let numbers: NumberAssignmentService
    /// `cli:<login name>`.
    public let actor: AuditActor

    /// Opens (and migrates) the store.
    public static func open(configuration: HeraldConfiguration, logger: Logger) async throws -> AdministrationContext {
        let store = try StoreOpener.open(configuration, logger: logger)
        try await store.migrate()
        let clock = SystemClock()
        let random = SystemRandomSource()
        let smppAccounts = SMPPAccountService(
            dependencies: SMPPAccountService.Dependencies(
                store: store, accounts: store, audit: store, limiter: InMemoryRateLimiter(clock: clock), clock: clock, random: random))
        let numbers = NumberAssignmentService(store: store, accounts: store, resolver: NumberingResolver(), clock: clock)
        let builtIn: Set<String> = configuration.carriers.isEmpty && configuration.simulator.enabled ? ["sim"] : []
        let proposals = ProposalService(dependencies: ProposalService.Dependencies(
            store: store, routeValidator: RouteTableValidator(), builtInLinkIDs: builtIn, configuredRetention: configuration.retention.settings,
            clock: clock, random: random))
        let environment = ProcessInfo.processInfo.environment
        let user = environment["SUDO_USER"] ?? environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
        return AdministrationContext(
            store: store, smppAccounts: smppAccounts, smppAdministration: SMPPAccountAdministration(service: smppAccounts, proposals: proposals),
            numbers: numbers, actor: .cli(user))
    }

    public func close() async {
        try? await store.close()
    }
}
