import Foundation
import HeraldAuditLog
import HeraldCarrierLinks
import HeraldCore
import HeraldCustomerSMPP
import HeraldHTTP
import HeraldRouting
import HeraldSimulator
import HeraldWebhooks
import Hummingbird
import Logging
import NIOCore
import Numbering
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
/// dispatcher finishes its in-flight submissions and writes their results, the node closes its binds (they
/// drain and unbind) and gives up its bind leases to the other nodes, the receipt processor stores what arrived, and the built-in simulator stops last.
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
    /// Accounts' SMPP access, their numbers, and the messages sent to those numbers (two-way messaging).
    public let smppAccounts: SMPPAccountService
    public let numbers: NumberAssignmentService
    public let inbound: InboundMessageService
    /// The customer SMPP listener, when `customer_smpp.enabled`.
    public let customerSMPP: CustomerSMPPListener?
    /// The tamper-evident audit log (checkpoints, proofs, export).
    public let auditLog: MerkleAuditLog
    /// `METHOD /path` of every HTTP route the node serves.
    public let registeredRoutes: [String]
    /// The account and key created on the first start, if this start created them.
    public let initialAccount: (accountID: AccountID, apiKey: String, path: String)?
    /// The first admin and its token, if this start created them (no operator existed).
    public let initialOperator: (operatorID: OperatorID, token: String, path: String)?
    public let operators: OperatorService
    public let proposals: ProposalService
    /// The carrier links in service when the node started (operators may change them while it runs).
    public let linkIDs: [String]
    /// How the dispatcher routes: the routing engine's rules, or (with no rules) every link that can transmit.
    public let routePlanner: ConfiguredRoutePlanner

    private let logger: Logger
    private let services: [any Service]
    private let webhookTransport: HTTPWebhookTransport
    private let simulatorTask: Task<Void, any Error>?
    private let httpPort = ListeningPort()
    /// The service group while ``run(handlingSignals:)`` runs, for ``shutdown()``.
    private let runningGroup = Mutex<ServiceGroup?>(nil)
    private let httpReady = DispatchSignal()

    // MARK: Building

    /// Opens the store (migrating it), creates the first account on an empty database, starts the built-in
    /// simulator when enabled (so its port is known), and wires every service. Nothing listens for HTTP
    /// until ``run()``.
    ///
    /// - Parameter instrumentGateway: wraps the carrier gateway the dispatcher submits through (benchmarks
    ///   pass a ``SubmitTimeRecorder``); receipts still come from the gateway itself.
    public static func make(
        configuration: HeraldConfiguration, logger: Logger, metrics: PrometheusCollectorRegistry? = nil,
        clock: any HeraldClock = SystemClock(), random: any RandomSource = SystemRandomSource(),
        instrumentGateway: (@Sendable (any CarrierGateway) -> any CarrierGateway)? = nil
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
        var builtInLinks: [CarrierLinkDefinition] = []
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
            if configuration.carriers.isEmpty {
                // Not stored: its port changes with every start. Operators can add stored links next to it.
                builtInLinks = [CarrierLinkDefinition(
                    id: "sim", host: "127.0.0.1", port: port, systemID: section.systemID, password: section.password, binds: 2, window: 64)]
            }
            logger.info("built-in carrier simulator listening", metadata: ["port": "\(port)"])
        }

        // Carrier links live in the database; the configuration file's links seed it on first sight.
        let seeded = try await store.seedCarrierLinks(configuration.carriers.map(\.definition), at: clock.now()) { definition in
            AuditEvent(
                at: clock.now(), actor: .system("configuration"), action: "carrier_link.seed", target: "carrier_link:\(definition.id)",
                details: ["host": "\(definition.host):\(definition.port)"])
        }
        if !seeded.isEmpty { logger.info("carrier links from the configuration stored", metadata: ["links": "\(seeded.joined(separator: ", "))"]) }
        let storedLinks = try await store.carrierLinks()
        for link in configuration.carriers {
            if let record = storedLinks.record(link.id), record.definition != link.definition {
                logger.warning(
                    "the configuration's settings of a carrier link differ from the stored ones, which stay in force; change links through the admin API",
                    metadata: ["link": "\(link.id)", "stored_revision": "\(record.revision)", "removed": "\(!record.isActive)"])
            }
        }
        let builtInLinkIDs = Set(builtInLinks.map(\.id))
        // Binds open only under a lease of the shared store, so nodes of a cluster never open more binds of a
        // link than it has (a lone SQLite node gets every lease).
        let gateway = SMPPCarrierGateway(
            links: builtInLinks.map(CarrierLinkSettingsMapper.settings), bindOwnership: .leased, logger: Logger(label: "herald.carrier"))
        // Rules may only name links that can transmit; receiver-only links bring receipts and inbound messages.
        let routing = RoutingEngine(linkIDs: Set(gateway.transmittingLinkIDs))
        let linkSync = CarrierLinkSynchronizer(store: store, gateway: gateway, routing: routing, logger: Logger(label: "herald.carrier"))
        try await linkSync.refresh()
        let linkIDs = gateway.linkIDs
        // Leases follow real time whatever clock the domain uses (tests may freeze theirs).
        let bindLeases = BindLeaseCoordinator(
            store: store, binds: gateway, nodeID: nodeID, settings: configuration.cluster.bindLeaseSettings, clock: SystemClock(),
            logger: Logger(label: "herald.cluster"))
        // A first round now, so the binds this node holds start connecting as soon as the gateway runs.
        await bindLeases.round()
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
        let limiter = SharedCounters.rateLimiter(for: store, clock: clock)
        let webhookFactory = MessageWebhookFactory(random: random)
        let policy = MessagePolicy(
            defaultValidity: .seconds(configuration.messages.defaultValiditySeconds),
            maximumValidity: .seconds(configuration.messages.maximumValiditySeconds),
            defaultSender: configuration.messages.defaultSender, maximumBatchSize: configuration.messages.maximumBatchSize)
        let numberResolver = NumberingResolver(
            networks: NetworkResolver(portability: try PortabilityFileLoader.load(configuration.portabilityFile, logger: logger)))
        let messages = MessageService(
            dependencies: MessageService.Dependencies(
                store: store, numbers: numberResolver, text: SMSTextAnalyzer(maximumParts: configuration.messages.maximumParts), clock: clock,
                random: random, guards: [OptOutGuard(store: store), AccountRateGuard(limiter: limiter)], wake: wake),
            policy: policy, nodeID: nodeID)
        let accountDefaults = configuration.verification.rateLimits.account.rateLimit
        let accounts = AccountService(
            store: store, clock: clock, random: random,
            defaultLimits: AccountLimits(verificationsPerSecond: accountDefaults.refillPerSecond, verificationBurst: accountDefaults.capacity))
        let fraudGuard = FraudGuard(
            configuration: configuration.fraudGuard.configuration, store: store,
            traffic: SharedCounters.fraudTraffic(for: store, configuration: configuration.fraudGuard.configuration), clock: clock, random: random,
            logger: Logger(label: "herald.fraud"))
        let verifications = try VerificationService(
            dependencies: VerificationService.Dependencies(
                store: store, messages: messages, vault: vault, rateLimiter: limiter, fraudGuard: fraudGuard, clock: clock, random: random,
                pseudonymizer: pseudonymizer),
            policy: configuration.verification.policy, rateLimits: configuration.verification.rateLimits.rateLimits,
            codeKey: secrets.verificationKeyBytes, logger: Logger(label: "herald.verify"))

        let created = try await InitialAccount.createIfNeeded(accounts: accounts, dataDirectory: configuration.dataDirectory)

        // Two-way messaging: SMPP access of accounts, their numbers, and inbound (mobile-originated) messages.
        let smppAccounts = SMPPAccountService(
            dependencies: SMPPAccountService.Dependencies(store: store, accounts: store, audit: store, limiter: limiter, clock: clock, random: random))
        let numbers = NumberAssignmentService(store: store, accounts: store, resolver: numberResolver, clock: clock)
        let inbound = InboundMessageService(
            dependencies: InboundMessageService.Dependencies(
                store: store, accounts: store, smppAccounts: store, audit: store, numbers: numbers, clock: clock, random: random,
                pseudonymizer: pseudonymizer),
            logger: Logger(label: "herald.inbound"))
        var customerSMPP: CustomerSMPPListener?
        if configuration.customerSMPP.enabled {
            customerSMPP = CustomerSMPPListener(
                dependencies: CustomerSMPPListener.Dependencies(
                    messages: messages, smppAccounts: smppAccounts, store: store, limiter: limiter, clock: clock, random: random, pseudonymizer: pseudonymizer),
                configuration: CustomerSMPPSettingsMapper.settings(for: configuration.customerSMPP), nodeID: nodeID,
                logger: Logger(label: "herald.customer-smpp"))
        }

        let routeReload = RouteReloadService(engine: routing, store: store, logger: Logger(label: "herald.routing"))
        let operators = OperatorService(store: store, clock: clock, random: random)
        let createdOperator = try await InitialOperator.createIfNeeded(operators: operators, dataDirectory: configuration.dataDirectory)
        let proposals = ProposalService(dependencies: ProposalService.Dependencies(
            store: store, routeValidator: RouteTableValidator(), builtInLinkIDs: builtInLinkIDs,
            configuredRetention: configuration.retention.settings, clock: clock, random: random,
            onApproved: { [routeReload, linkSync] proposal in
                switch proposal.change {
                case .replaceRoutes: _ = try? await routeReload.refresh()
                case .addCarrierLink, .changeCarrierLink, .removeCarrierLink: linkSync.requestRefresh()
                default: break
                }
            }))

        let router = ConfiguredRoutePlanner(engine: routing, linkIDs: { [gateway] in gateway.transmittingLinkIDs })
        let dispatcher = Dispatcher(
            dependencies: Dispatcher.Dependencies(
                store: store, gateway: instrumentGateway?(gateway) ?? gateway, router: router, clock: clock, vault: vault, webhooks: webhookFactory, pseudonymizer: pseudonymizer,
                wake: wake, resultsWritten: resultsWritten, maySubmit: { [gateway] in gateway.holdsTransmittingBind }),
            configuration: configuration.dispatch.dispatchConfiguration, nodeID: nodeID, logger: Logger(label: "herald.dispatch"))
        let receipts = ReceiptProcessor(
            dependencies: ReceiptProcessor.Dependencies(
                store: store, gateway: gateway, clock: clock, webhooks: webhookFactory, resultsWritten: resultsWritten,
                inboundHandler: { message in message.acknowledge(await inbound.receive(message)) }),
            logger: Logger(label: "herald.receipts"))
        let maintenance = MaintenanceService(
            dependencies: MaintenanceService.Dependencies(
                store: store, clock: clock, webhooks: webhookFactory, vault: vault, retention: store, auditLog: store, inbound: store),
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
        let checkpoints = AuditCheckpointService(
            issuer: auditLog.issuer, store: store, clock: clock, interval: .seconds(configuration.audit.checkpointIntervalSeconds),
            logger: Logger(label: "herald.audit"))
        let deniedRequests = DeniedRequestAuditor(store: store, clock: clock, logger: Logger(label: "herald.audit"))
        let proposalExpiry = ProposalExpiryService(proposals: proposals, logger: Logger(label: "herald.proposals"))
        // Refusals on admin routes are audited (coalesced) by the denied-request middleware like all others.
        let operatorAccess = OperatorAccess(operators: operators, audit: store, clock: clock, auditsRefusals: false)
        let admin = AdminServices(
            access: operatorAccess, accounts: accounts,
            administration: AccountAdministration(accounts: accounts, proposals: proposals), proposals: proposals,
            smppAccess: SMPPAccountAdministration(service: smppAccounts, proposals: proposals), numbers: numbers,
            exports: MessageExportService(store: store, clock: clock), store: store, fraudGuard: fraudGuard, routing: routing,
            linkStatuses: { [gateway] in gateway.linkStatuses() }, builtInLinks: builtInLinks,
            explainRoute: { [router, gateway] query in try router.dryRun(query, linkStatuses: gateway.linkStatuses()) })
        let auditRoutes = AuditRoutes(
            log: auditLog, authentication: operatorAccess.auditor,
            disclosures: AuditDisclosures(proposals: proposals, disclosures: SealedValueDisclosureService(store: store, log: auditLog, clock: clock)))
        var workers: [any Service] = [
            receipts, gateway, bindLeases, linkSync, dispatcher, maintenance, webhookDispatcher, verificationExpiry, routeReload, proposalExpiry,
            checkpoints, deniedRequests,
        ]
        if let customerSMPP { workers.append(customerSMPP) }

        let application = HeraldApplication(
            configuration: configuration, nodeID: nodeID, store: store, gateway: gateway, simulator: simulator, accounts: accounts,
            messages: messages, verifications: verifications, routing: routing, smppAccounts: smppAccounts, numbers: numbers, inbound: inbound,
            customerSMPP: customerSMPP, auditLog: auditLog, initialAccount: created.map { ($0.accountID, $0.apiKey, $0.path) },
            initialOperator: createdOperator.map { ($0.operatorID, $0.token, $0.path) }, operators: operators, proposals: proposals, admin: admin,
            linkIDs: linkIDs, routePlanner: router, logger: logger, webhookTransport: transport, simulatorTask: simulatorTask, workers: workers,
            audit: (routes: auditRoutes, deniedRequests: deniedRequests), metrics: metrics)
        return application
    }

    private init(
        configuration: HeraldConfiguration, nodeID: String, store: any GatewayStore, gateway: SMPPCarrierGateway, simulator: CarrierSimulator?,
        accounts: AccountService, messages: MessageService, verifications: VerificationService, routing: RoutingEngine,
        smppAccounts: SMPPAccountService, numbers: NumberAssignmentService, inbound: InboundMessageService, customerSMPP: CustomerSMPPListener?,
        auditLog: MerkleAuditLog, initialAccount: (accountID: AccountID, apiKey: String, path: String)?,
        initialOperator: (operatorID: OperatorID, token: String, path: String)?, operators: OperatorService, proposals: ProposalService,
        admin: AdminServices, linkIDs: [String], routePlanner: ConfiguredRoutePlanner, logger: Logger,
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
        self.smppAccounts = smppAccounts
        self.numbers = numbers
        self.inbound = inbound
        self.customerSMPP = customerSMPP
        self.auditLog = auditLog
        self.initialAccount = initialAccount
        self.initialOperator = initialOperator
        self.operators = operators
        self.proposals = proposals
        self.linkIDs = linkIDs
        self.routePlanner = routePlanner
        self.logger = logger
        self.webhookTransport = webhookTransport
        self.simulatorTask = simulatorTask

        let linkGauges = metrics.map { LinkHealthGauges(registry: $0) }
        let httpServices = HTTPServices(
            accounts: accounts, messages: messages,
            readiness: { [store, gateway] in
                // One primary-key read proves the store answers (the id names no account).
                let reachable: Bool
                do {
                    _ = try await store.account(Self.readinessProbeAccount)
                    reachable = true
                } catch {
                    reachable = false
                }
                return .standard(storeReachable: reachable, carrierLinks: gateway.linkStatuses(), transmitting: Set(gateway.transmittingLinkIDs))
            },
            metrics: { [gateway] in
                linkGauges?.update(
                    gateway.linkStatuses(), transmitting: Set(gateway.transmittingLinkIDs),
                    held: gateway.configuredBindCounts().keys.reduce(into: [:]) { held, id in held[id] = gateway.openBinds(of: id).count })
                return metrics?.emitToString() ?? ""
            },
            configuration: HTTPConfiguration(maximumBodySize: configuration.http.maximumBodyBytes), deniedRequests: audit.deniedRequests)
        let router = HeraldAPI.buildRouter(
            services: httpServices,
            groups: HeraldAPI.standardGroups + VerificationAPI.routeGroups(verifications: verifications) + [InboundRoutes(inbound: inbound)]
                + AdminAPI.routeGroups(admin) + [audit.routes])
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

    /// The id the readiness probe looks up: well-formed, never issued (all zero).
    static let readinessProbeAccount = AccountID(unchecked: "acc_00000000000000000000000000")

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
        runningGroup.withLock { $0 = group }
        defer { runningGroup.withLock { $0 = nil } }
        do {
            try await group.run()
        } catch {
            await close()
            throw error
        }
        await close()
    }

    /// Starts a graceful shutdown of a running application, as SIGTERM does: in-flight submits finish,
    /// listeners close, then ``run(handlingSignals:)`` returns. Does nothing when it is not running.
    public func shutdown() async {
        let group = runningGroup.withLock { $0 }
        await group?.triggerGracefulShutdown()
    }

    /// Releases the webhook client and the store; ``run()`` does this itself. Call it for an application
    /// that was made but will not run (tests, tools).
    public func close() async {
        try? await webhookTransport.shutdown()
        try? await store.close()
        logger.info("Herald stopped", metadata: ["node": "\(nodeID)"])
    }

    /// The port of the customer SMPP listener once it listens; `nil` when it is disabled.
    public func customerSMPPListeningPort() async throws -> Int? {
        guard let customerSMPP else { return nil }
        return try await customerSMPP.listeningPort()
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
