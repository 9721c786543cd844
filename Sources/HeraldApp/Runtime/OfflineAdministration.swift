import Foundation
import HeraldCore
import HeraldRouting
import Logging

/// Operator administration straight on the database, for the `herald operator …` and `herald routes apply`
/// commands (run on the database host, with no server needed). Acts as `cli:<os user>`; every change is
/// audited like one made through the admin API.
///
/// ```swift
/// let offline = try await OfflineAdministration.open(configuration: configuration, logger: logger)
/// let created = try await offline.operators.createOperator(name: "Ada", role: .admin, actor: offline.actor)
/// await offline.close()
/// ```
public struct OfflineAdministration: Sendable {
    public let store: any GatewayStore
    public let operators: OperatorService
    public let proposals: ProposalService
    /// `cli:<os user>`.
    public let actor: AuditActor

    public static func open(
        configuration: HeraldConfiguration, logger: Logger, clock: any HeraldClock = SystemClock(), random: any RandomSource = SystemRandomSource()
    ) async throws -> OfflineAdministration {
        try configuration.validate()
        let store = try StoreOpener.open(configuration, logger: logger)
        try await store.migrate()
        let builtIn: Set<String> = configuration.carriers.isEmpty && configuration.simulator.enabled ? ["sim"] : []
        let proposals = ProposalService(dependencies: ProposalService.Dependencies(
            store: store, routeValidator: RouteTableValidator(), builtInLinkIDs: builtIn, configuredRetention: configuration.retention.settings,
            clock: clock, random: random))
        return OfflineAdministration(
            store: store, operators: OperatorService(store: store, clock: clock, random: random), proposals: proposals,
            actor: .cli(Self.operatingSystemUser()))
    }

    public func close() async {
        try? await store.close()
    }

    /// The name of the user running the process (`unknown` when it cannot be told).
    public static func operatingSystemUser() -> String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }
}
