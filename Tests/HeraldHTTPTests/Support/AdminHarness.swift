import Foundation
import HeraldCore
import HeraldHTTP
import HeraldRouting
import HeraldSQLite
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization

/// The admin API (with the customer message routes next to it) over a fresh SQLite store, a manual clock,
/// one built-in link `sim` and operators of every role.
struct AdminHarness: Sendable {
    let directory: URL
    let store: SQLiteHeraldStore
    let clock: ManualClock
    let accounts: AccountService
    let operators: OperatorService
    let proposals: ProposalService
    let smppAccounts: SMPPAccountService
    let numbers: NumberAssignmentService
    let admin: AdminServices
    let routing: RoutingEngine
    let services: HTTPServices
    let responder: RouterResponder<HeraldRequestContext>
    let knobs: Knobs

    /// State shared with closures the application holds.
    final class Knobs: Sendable {
        /// Live health the gateway reports.
        let statuses = Mutex<[String: LinkStatus]>(["sim": LinkStatus(isUp: true, bindsUp: 1, bindsConfigured: 1)])
        /// Proposals approved, in order (the application's `onApproved`).
        let approved = Mutex<[Proposal]>([])
    }

    static let simLink = CarrierLinkDefinition(id: "sim", host: "127.0.0.1", port: 2775, systemID: "herald", password: "simulate")

    static func with(_ body: @Sendable (AdminHarness) async throws -> Void) async throws {
        let harness = try await AdminHarness()
        do {
            try await body(harness)
            await harness.destroy()
        } catch {
            await harness.destroy()
            throw error
        }
    }

    private init() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-admin-\(UUID().uuidString)")
        var logger = Logger(label: "herald.tests.admin")
        logger.logLevel = .warning
        store = try SQLiteHeraldStore(path: directory.appendingPathComponent("herald.sqlite").path, logger: logger)
        try await store.migrate()
        clock = ManualClock()
        let random = SequenceRandomSource()
        let knobs = Knobs()
        self.knobs = knobs
        accounts = AccountService(store: store, clock: clock, random: random)
        operators = OperatorService(store: store, clock: clock, random: random)
        let routing = RoutingEngine(linkIDs: ["sim"])
        self.routing = routing
        let store = self.store
        proposals = ProposalService(dependencies: ProposalService.Dependencies(
            store: store, routeValidator: RouteTableValidator(), builtInLinkIDs: ["sim"],
            configuredRetention: RetentionSettings(messageBodyDays: 30, receiptGraceSeconds: 3600), clock: clock, random: random,
            onApproved: { proposal in
                knobs.approved.withLock { $0.append(proposal) }
                if case .replaceRoutes = proposal.change, let routes = try? await store.routeSet() {
                    _ = try? routing.reload(rules: routes.rules, version: routes.version)
                }
            }))
        smppAccounts = SMPPAccountService(
            dependencies: .init(store: store, accounts: store, audit: store, limiter: InMemoryRateLimiter(clock: clock), clock: clock, random: random),
            hasher: SMPPPasswordHasher(rounds: 1000))
        numbers = NumberAssignmentService(store: store, accounts: store, resolver: SimpleNumberResolver(), clock: clock)
        let messages = MessageService(
            dependencies: .init(
                store: store, numbers: SimpleNumberResolver(), text: SimpleTextAnalyzer(), clock: clock, random: random, guards: [],
                wake: DispatchSignal()),
            policy: MessagePolicy(), nodeID: "test")
        admin = AdminServices(
            access: OperatorAccess(operators: operators, audit: store, clock: clock), accounts: accounts,
            administration: AccountAdministration(accounts: accounts, proposals: proposals), proposals: proposals,
            smppAccess: SMPPAccountAdministration(service: smppAccounts, proposals: proposals), numbers: numbers,
            exports: MessageExportService(store: store, clock: clock, pageSize: 2), store: store,
            fraudGuard: FraudGuard(configuration: FraudGuardConfiguration(), store: store, clock: clock, random: random, logger: logger),
            routing: routing, linkStatuses: { knobs.statuses.withLock { $0 } }, builtInLinks: [Self.simLink])
        services = HTTPServices(
            accounts: accounts, messages: messages, readiness: { ReadinessReport.standard(storeReachable: true, carrierLinks: [:]) }, random: random)
        responder = HeraldAPI.buildRouter(services: services, groups: HeraldAPI.standardGroups + AdminAPI.routeGroups(admin)).buildResponder()
    }

    func destroy() async {
        try? await store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        var logger = Logger(label: "herald.tests.admin")
        logger.logLevel = .critical
        try await Application(responder: responder, logger: logger).test(.router, body)
    }

    /// A new operator and its token text.
    func newOperator(_ role: OperatorRole, name: String? = nil) async throws -> (operator: Operator, token: String) {
        let creation = try await operators.createOperator(name: name ?? role.rawValue, role: role, actor: .cli("test"))
        return (creation.operator, creation.credential.text)
    }

    /// A new customer account and its API key text.
    func newAccount(_ name: String = "Acme") async throws -> (account: Account, key: String) {
        let creation = try await accounts.createAccount(name: name, actor: .cli("test"))
        return (creation.account, creation.credential.text)
    }

    /// Every stored audit event, in order.
    func auditEvents() async throws -> [AuditEvent] {
        var events: [AuditEvent] = []
        var after: Int64 = 0
        while true {
            let page = try await store.auditEvents(after: after, limit: 500)
            guard let last = page.last else { return events }
            events += page.map(\.event)
            after = last.sequence
        }
    }
}
