import Foundation
import HeraldAuditLog
import HeraldCarrierLinks
import HeraldCore
import HeraldHTTP
import HeraldRouting
import HeraldSimulator
import HeraldWebhooks
import Hummingbird
import Logging
import NIOCore
import Prometheus
import ServiceLifecycle
import Synchronization

/// The composition root: builds every adapter and service of a Herald node from a ``HeraldConfiguration``
/// and runs them as one service group.
///
/// ```swift
/// let app = try await HeraldApplication.make(configuration: try ConfigurationLoader.load(path: nil), logger: logger)
/// try await app.run()   // until SIGTERM / SIGINT; then a graceful shutdown that finishes in-flight submits
/// ```
///
/// Shutdown order (reverse of start): the HTTP server stops accepting, background workers stop, the
/// dispatcher finishes its in-flight submissions and writes their results, the carrier links drain and
/// unbind, the receipt processor stores what arrived, and the built-in simulator stops last.
public final class HeraldApplication: Sendable {
    public let configuration: HeraldConfiguration
    public let nodeID: String
    public let store: any GatewayStore
    public let gateway: SMPPCarrierGateway
    public let simulator: CarrierSimulator?
    public let accounts: AccountService
    public let messages: MessageService
    public let verifications: VerificationService
    public let routing: RoutingEngine
    /// The tamper-evident audit log (checkpoints, proofs, export).
    public let auditLog: MerkleAuditLog
    /// `METHOD /path` of every HTTP route the node serves.
    public let registeredRoutes: [String]
    /// The account and key created on the first start, if this start created them.
    public let initialAccount: (accountID: AccountID, apiKey: String, path: String)?
    public let linkIDs: [String]

    private let logger: Logger
    private let services: [any Service]
    private let webhookTransport: HTTPWebhookTransport
    private let simulatorTask: Task<Void, any Error>?
    private let httpPort = ListeningPort()
    private let httpReady = DispatchSignal()

    // MARK: Building

    /// Opens the store (migrating it), creates the first account on an empty database, starts the built-in
    /// simulator when enabled (so its port is known), and wires every service. Nothing listens for HTTP
    /// until ``run()``.
    public static func make(
        configuration: HeraldConfiguration, logger: Logger, metrics: PrometheusCollectorRegistry? = nil,
        clock: any HeraldClock = SystemClock(), random: any RandomSource = SystemRandomSource()
    ) async throws -> HeraldApplication {
        try configuration.validate()
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        let secretsPath = ServerSecrets.path(dataDirectory: configuration.dataDirectory)
        let secrets = try ServerSecrets.loadOrCreate(at: secretsPath, random: random, auditOrigin: configuration.audit.origin)
        let nodeID = NodeIdentity.resolve(configured: configuration.nodeID)

        let auditIdentity = try secrets.auditLogIdentity()
        let sealedLeaves = SealedLeafRegistry()
        let store = try StoreOpener.open(
            configuration, logger: logger, auditSealer: try MerkleAuditSealer(identity: auditIdentity, random: random, leaves: sealedLeaves))
        try await store.migrate()
        let auditLog = MerkleAuditLog(identity: auditIdentity, store: store, clock: clock, leaves: sealedLeaves, logger: Logger(label: "herald.audit"))

        // The built-in simulated carrier starts first so the `sim` link knows its port.
        var simulator: CarrierSimulator?
        var simulatorTask: Task<Void, any Error>?
        var links = configuration.carriers
        if configuration.simulator.enabled {
            let section = configuration.simulator
            let built = CarrierSimulator(
                configuration: SimulatorConfiguration(
                    host: "127.0.0.1", port: section.port, accounts: [section.systemID: section.password],
                    responseLatency: .milliseconds(section.responseLatencyMilliseconds), receiptLatency: .milliseconds(section.receiptLatencyMilliseconds),
                    outcomeWeights: Self.outcomeWeights(section.outcomes),
                    rules: section.rules.compactMap { rule in SimulatedOutcome(rawValue: rule.outcome).map { SimulatorRule(pattern: rule.pattern, outcome: $0) } },
                    messageIDFormat: section.messageIDFormat == "decimal" ? .decimal : .hex, receiptIDsInOtherBase: section.receiptIDsInOtherBase),
                logger: Logger(label: "herald.simulator"))
            simulatorTask = Task { try await built.run() }
            let port = try await built.listeningPort()
            simulator = built
            if links.isEmpty {
                links = [CarrierLinkConfiguration(
                    id: "sim", host: "127.0.0.1", port: port, systemID: section.systemID, password: section.password, binds: 2, window: 64)]
            }
            logger.info("built-in carrier simulator listening", metadata: ["port": "\(port)"])
        }

        let gateway = SMPPCarrierGateway(links: links.map(CarrierLinkSettingsMapper.settings), logger: Logger(label: "herald.carrier"))
        let linkIDs = links.map(\.id)
        let routing = RoutingEngine(linkIDs: Set(linkIDs))
        let routeSet = try await store.routeSet()
        if !routeSet.rules.isEmpty {
            do {
                try routing.reload(rules: routeSet.rules, version: routeSet.version)
            } catch {
                logger.error("stored routes are invalid for the configured links; no rule is in force", metadata: ["error": "\(error)"])
            }
        }

        let pseudonymizer = Pseudonymizer(key: secrets.pseudonymKeyBytes)
        let vault = EphemeralBodyVault(clock: clock)
        let wake = DispatchSignal()
        let resultsWritten = DispatchSignal()
        let limiter = InMemoryRateLimiter(clock: clock)
        let webhookFactory = MessageWebhookFactory(random: random)
        let policy = MessagePolicy(
            defaultValidity: .seconds(configuration.messages.defaultValiditySeconds),
            maximumValidity: .seconds(configuration.messages.maximumValiditySeconds),
            defaultSender: configuration.messages.defaultSender, maximumBatchSize: configuration.messages.maximumBatchSize)
        let messages = MessageService(
            dependencies: MessageService.Dependencies(
                store: store, numbers: NumberingResolver(), text: SMSTextAnalyzer(maximumParts: configuration.messages.maximumParts), clock: clock,
                random: random, guards: [AccountRateGuard(limiter: limiter)], wake: wake),
            policy: policy, nodeID: nodeID)
        let accounts = AccountService(store: store, clock: clock, random: random)
        let fraudGuard = FraudGuard(configuration: FraudGuardConfiguration(), store: store, clock: clock, random: random, logger: Logger(label: "herald.fraud"))
        let verifications = try VerificationService(
            dependencies: VerificationService.Dependencies(
                store: store, messages: messages, vault: vault, rateLimiter: limiter, fraudGuard: fraudGuard, clock: clock, random: random,
                pseudonymizer: pseudonymizer),
            codeKey: secrets.verificationKeyBytes, logger: Logger(label: "herald.verify"))

        let created = try await InitialAccount.createIfNeeded(accounts: accounts, dataDirectory: configuration.dataDirectory)

        let router = ConfiguredRoutePlanner(engine: routing, linkIDs: linkIDs)
        let dispatcher = Dispatcher(
            dependencies: Dispatcher.Dependencies(
                store: store, gateway: gateway, router: router, clock: clock, vault: vault, webhooks: webhookFactory, pseudonymizer: pseudonymizer,
                wake: wake, resultsWritten: resultsWritten),
            nodeID: nodeID, logger: Logger(label: "herald.dispatch"))
        let receipts = ReceiptProcessor(
            dependencies: ReceiptProcessor.Dependencies(store: store, gateway: gateway, clock: clock, webhooks: webhookFactory, resultsWritten: resultsWritten),
            logger: Logger(label: "herald.receipts"))
        let maintenance = MaintenanceService(
            dependencies: MaintenanceService.Dependencies(store: store, clock: clock, webhooks: webhookFactory, vault: vault, auditLog: store),
            configuration: MaintenanceConfiguration(
                receiptGrace: .seconds(configuration.retention.receiptGraceSeconds),
                bodyRetention: .seconds(Int64(configuration.retention.messageBodyDays) * 86_400),
                auditSealedValueRetention: .seconds(Int64(configuration.retention.auditSealedDays) * 86_400)),
            logger: Logger(label: "herald.maintenance"))
        let transport = HTTPWebhookTransport(logger: Logger(label: "herald.webhooks"))
        let webhookDispatcher = WebhookDispatcher(
            dependencies: WebhookDispatcher.Dependencies(store: store, transport: transport, clock: clock),
            policy: WebhookRetryPolicy(
                initialDelay: .seconds(configuration.webhooks.initialDelaySeconds), maximumDelay: .seconds(configuration.webhooks.maximumDelaySeconds),
                maximumAttempts: configuration.webhooks.maximumAttempts, requestTimeout: .seconds(configuration.webhooks.timeoutSeconds)),
            nodeID: nodeID, logger: Logger(label: "herald.webhooks"))
        let verificationExpiry = VerificationExpiryService(verifications: verifications, logger: Logger(label: "herald.verify"))
        let routeReload = RouteReloadService(engine: routing, store: store, logger: Logger(label: "herald.routing"))
        let checkpoints = AuditCheckpointService(
            issuer: auditLog.issuer, store: store, clock: clock, interval: .seconds(configuration.audit.checkpointIntervalSeconds),
            logger: Logger(label: "herald.audit"))
        let deniedRequests = DeniedRequestAuditor(store: store, clock: clock, logger: Logger(label: "herald.audit"))
        let auditRoutes = AuditRoutes(log: auditLog, authentication: AuditorTokenMiddleware(token: secrets.auditorToken ?? ""))

        let application = HeraldApplication(
            configuration: configuration, nodeID: nodeID, store: store, gateway: gateway, simulator: simulator, accounts: accounts,
            messages: messages, verifications: verifications, routing: routing, auditLog: auditLog,
            initialAccount: created.map { ($0.accountID, $0.apiKey, $0.path) },
            linkIDs: linkIDs, logger: logger, webhookTransport: transport, simulatorTask: simulatorTask,
            workers: [receipts, gateway, dispatcher, maintenance, webhookDispatcher, verificationExpiry, routeReload, checkpoints, deniedRequests],
            audit: (routes: auditRoutes, deniedRequests: deniedRequests), metrics: metrics)
        return application
    }

    private init(
        configuration: HeraldConfiguration, nodeID: String, store: any GatewayStore, gateway: SMPPCarrierGateway, simulator: CarrierSimulator?,
        accounts: AccountService, messages: MessageService, verifications: VerificationService, routing: RoutingEngine, auditLog: MerkleAuditLog,
        initialAccount: (accountID: AccountID, apiKey: String, path: String)?, linkIDs: [String], logger: Logger,
        webhookTransport: HTTPWebhookTransport, simulatorTask: Task<Void, any Error>?, workers: [any Service],
        audit: (routes: AuditRoutes, deniedRequests: DeniedRequestAuditor), metrics: PrometheusCollectorRegistry?
    ) {
        self.configuration = configuration
        self.nodeID = nodeID
        self.store = store
        self.gateway = gateway
        self.simulator = simulator
        self.accounts = accounts
        self.messages = messages
        self.verifications = verifications
        self.routing = routing
        self.auditLog = auditLog
        self.initialAccount = initialAccount
        self.linkIDs = linkIDs
        self.logger = logger
        self.webhookTransport = webhookTransport
        self.simulatorTask = simulatorTask

        let httpServices = HTTPServices(
            accounts: accounts, messages: messages,
            readiness: { [store, gateway] in
                let reachable = (try? await store.accounts()) != nil
                return .standard(storeReachable: reachable, carrierLinks: gateway.linkStatuses())
            },
            metrics: { metrics?.emitToString() ?? "" },
            configuration: HTTPConfiguration(maximumBodySize: configuration.http.maximumBodyBytes), deniedRequests: audit.deniedRequests)
        let router = HeraldAPI.buildRouter(
            services: httpServices, groups: HeraldAPI.standardGroups + VerificationAPI.routeGroups(verifications: verifications) + [audit.routes])
        self.registeredRoutes = router.routes.map { "\($0.method.rawValue) \($0.path.description)" }.sorted()
        let httpPort = self.httpPort
        let httpReady = self.httpReady
        let http = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(configuration.http.host, port: configuration.http.port), serverName: "Herald"),
            onServerRunning: { channel in
                httpPort.set(channel.localAddress?.port)
                httpReady.signal()
            },
            logger: Logger(label: "herald.http"))
        var services: [any Service] = []
        if let simulator { services.append(SimulatorService(simulator: simulator, task: simulatorTask)) }
        services += workers
        services.append(http)
        self.services = services
    }

    static func outcomeWeights(_ outcomes: [String: Double]) -> [SimulatedOutcome: Double] {
        var weights: [SimulatedOutcome: Double] = [:]
        for (name, share) in outcomes {
            if let outcome = SimulatedOutcome(rawValue: name) { weights[outcome] = share }
        }
        return weights.isEmpty ? [.delivered: 1] : weights
    }

    // MARK: Running

    /// Runs every service until SIGTERM or SIGINT (or cancellation), then shuts down gracefully.
    public func run(handlingSignals: Bool = true) async throws {
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
            gracefulShutdownSignals: handlingSignals ? [.sigterm, .sigint] : [],
            logger: logger))
        do {
            try await group.run()
        } catch {
            await close()
            throw error
        }
        await close()
    }

    /// Releases the webhook client and the store; ``run()`` does this itself. Call it for an application
    /// that was made but will not run (tests, tools).
    public func close() async {
        try? await webhookTransport.shutdown()
        try? await store.close()
        logger.info("Herald stopped", metadata: ["node": "\(nodeID)"])
    }

    /// The port the HTTP API listens on, once it does (waits up to `timeout`).
    public func httpListeningPort(timeout: Duration = .seconds(30)) async -> Int? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let port = httpPort.value { return port }
            await httpReady.wait(timeout: .milliseconds(100))
        }
        return httpPort.value
    }
}

/// The HTTP port, recorded by the server once it listens.
final class ListeningPort: Sendable {
    private let port = Mutex<Int?>(nil)
    func set(_ value: Int?) { port.withLock { $0 = value } }
    var value: Int? { port.withLock { $0 } }
}
