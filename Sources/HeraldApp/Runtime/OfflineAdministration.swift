import Foundation
import HeraldCore
import HeraldRouting
import Logging

/// Administration straight on the database, for the commands run on the database host with no server
/// (`herald operator …`, `herald routes apply`, `herald smpp-account …`, `herald number …`). Acts as
/// `cli:<user>`; every change is sealed into the audit log like one made through the admin API, and the
/// two-person rule applies the same way (an SMPP throughput raise or a routes file becomes a proposal).
///
/// ```swift
/// let offline = try await OfflineAdministration.open(configuration: configuration, logger: logger)
/// let created = try await offline.operators.createOperator(name: "Ada", role: .admin, actor: offline.actor)
/// try await offline.numbers.assign("+4915123456789", to: account, actor: offline.actor)
/// await offline.close()
/// ```
public struct OfflineAdministration: Sendable {
    public let store: any GatewayStore
    public let operators: OperatorService
    public let proposals: ProposalService
    public let smppAccounts: SMPPAccountService
    /// The two-person rule over ``smppAccounts``: throughput raises become proposals an admin approves.
    public let smppAdministration: SMPPAccountAdministration
    public let numbers: NumberAssignmentService
    /// `cli:<user>` (see ``operatingSystemUser()``).
    public let actor: AuditActor

    /// Opens and migrates the configured store, sealing audit events with the node's audit log key.
    public static func open(
        configuration: HeraldConfiguration, logger: Logger, clock: any HeraldClock = SystemClock(), random: any RandomSource = SystemRandomSource()
    ) async throws -> OfflineAdministration {
        try configuration.validate()
        let store = try await AuditLogOpener.open(configuration, logger: logger, clock: clock, random: random).store
        let builtIn: Set<String> = configuration.carriers.isEmpty && configuration.simulator.enabled ? ["sim"] : []
        let proposals = ProposalService(dependencies: ProposalService.Dependencies(
            store: store, routeValidator: RouteTableValidator(), builtInLinkIDs: builtIn, configuredRetention: configuration.retention.settings,
            clock: clock, random: random))
        let smppAccounts = SMPPAccountService(
            dependencies: SMPPAccountService.Dependencies(
                store: store, accounts: store, audit: store, limiter: InMemoryRateLimiter(clock: clock), clock: clock, random: random))
        return OfflineAdministration(
            store: store, operators: OperatorService(store: store, clock: clock, random: random), proposals: proposals,
            smppAccounts: smppAccounts, smppAdministration: SMPPAccountAdministration(service: smppAccounts, proposals: proposals),
            numbers: NumberAssignmentService(store: store, accounts: store, resolver: NumberingResolver(), clock: clock),
            actor: .cli(Self.operatingSystemUser()))
    }

    public func close() async {
        try? await store.close()
    }

    /// Who runs the process: the invoking user under sudo (`SUDO_USER`), else the process's user name
    /// (`unknown` when it cannot be told).
    public static func operatingSystemUser() -> String {
        if let invoker = ProcessInfo.processInfo.environment["SUDO_USER"], !invoker.isEmpty { return invoker }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }
}
