import HeraldCore
import Logging
import NIOCore
import SMPP
import ServiceLifecycle

/// The customer-facing SMPP 3.4 listener: accounts bind with their system id and password (as transmitter,
/// receiver or transceiver), submit messages with `submit_sm` / `data_sm` through Herald's message service,
/// and receive delivery receipts and mobile-originated messages as `deliver_sm` from a durable outbox.
///
/// Run it as a service; on graceful shutdown it stops accepting binds, unbinds every session and returns.
/// See docs/customer-smpp.md for fields, errors, receipts, multipart and limits.
///
/// ```swift
/// let listener = CustomerSMPPListener(dependencies: .init(…), configuration: CustomerSMPPConfiguration(port: 2775), nodeID: "node-1", logger: logger)
/// try await listener.run()
/// ```
public final class CustomerSMPPListener: Service {
    public struct Dependencies: Sendable {
        public var messages: MessageService
        public var smppAccounts: SMPPAccountService
        public var store: any TwoWayStore & HeraldStore
        /// Enforces each account's requests per second across its binds.
        public var limiter: any RateLimiter
        public var clock: any HeraldClock
        public var random: any RandomSource
        public var pseudonymizer: Pseudonymizer

        public init(
            messages: MessageService, smppAccounts: SMPPAccountService, store: any TwoWayStore & HeraldStore, limiter: any RateLimiter,
            clock: any HeraldClock, random: any RandomSource, pseudonymizer: Pseudonymizer
        ) {
            self.messages = messages
            self.smppAccounts = smppAccounts
            self.store = store
            self.limiter = limiter
            self.clock = clock
            self.random = random
            self.pseudonymizer = pseudonymizer
        }
    }

    public let configuration: CustomerSMPPConfiguration
    private let server: SMPPServer
    private let handler: CustomerSMPPHandler
    private let worker: CustomerSMPPDeliveryWorker
    private let registry = BindRegistry()
    private let logger: Logger

    public init(dependencies: Dependencies, configuration: CustomerSMPPConfiguration, nodeID: String, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        let wake = DispatchSignal()
        handler = CustomerSMPPHandler(
            dependencies: CustomerSMPPHandler.Dependencies(
                messages: dependencies.messages, smppAccounts: dependencies.smppAccounts, store: dependencies.store, limiter: dependencies.limiter,
                clock: dependencies.clock, random: dependencies.random, pseudonymizer: dependencies.pseudonymizer),
            configuration: configuration, registry: registry, bindsChanged: wake, logger: logger)
        worker = CustomerSMPPDeliveryWorker(
            dependencies: CustomerSMPPDeliveryWorker.Dependencies(store: dependencies.store, clock: dependencies.clock, random: dependencies.random),
            configuration: configuration, registry: registry, handler: handler, wake: wake, nodeID: nodeID, logger: logger)
        var server = SMPPServer.Configuration(host: configuration.host, port: configuration.port, systemID: configuration.systemID)
        server.maxConnections = configuration.maximumConnections
        server.windowSize = 10
        server.responseTimeout = Self.timeAmount(configuration.deliveryResponseTimeout)
        server.enquireLinkInterval = Self.timeAmount(configuration.enquireLinkInterval)
        self.server = SMPPServer(configuration: server, handler: handler, logger: logger)
    }

    /// Listens and delivers until cancelled or gracefully shut down.
    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await self.server.run() }
                group.addTask { await self.worker.run() }
                try await group.next()
                group.cancelAll()
                try await group.waitForAll()
            }
        } onGracefulShutdown: {
            Task { await self.server.shutdown() }
        }
    }

    /// The port the listener is bound to (waits until it listens).
    public func listeningPort() async throws -> Int {
        let address = try await server.listeningAddress()
        guard let port = address.port else { throw SMPPError(.invalidState, message: "the customer SMPP listener has no TCP port") }
        return port
    }

    /// Binds the account holds on this node.
    public func bindCount(of accountID: AccountID) -> Int { registry.bindCount(of: accountID) }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
