import Logging
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// An SMPP 3.4 SMSC (server): accepts binds through an authentication hook, serves many
/// sessions, hands their requests to an ``SMPPServerHandler``, and pushes deliver_sm / data_sm
/// to bound receivers.
///
/// ``run()`` listens and serves until cancelled or ``shutdown()``; then it stops accepting,
/// unbinds every session gracefully and returns (swift-service-lifecycle compatible).
/// Each session's inbound requests are limited by ``SMPPSessionLimits`` (in-flight window and
/// TPS); excess requests are answered ESME_RTHROTTLED.
///
/// ```swift
/// let server = SMPPServer(configuration: .init(host: "127.0.0.1", port: 0), handler: Simulator())
/// try await withThrowingTaskGroup(of: Void.self) { group in
///     group.addTask { try await server.run() }
///     let address = try await server.listeningAddress()
///     ...
///     try await server.deliver(receipt, toSystemID: "herald")
///     await server.shutdown()
/// }
/// ```
public final class SMPPServer: Sendable {
    public let configuration: Configuration
    private let handler: any SMPPServerHandler
    private let eventLoopGroup: any EventLoopGroup
    private let logger: Logger
    private let listening: EventLoopPromise<SocketAddress>
    private let shutdownSignal = ShutdownSignal()
    private let shared = Mutex(Shared())
    private let openConnections = Atomic<Int>(0)

    private struct Shared {
        var running = false
        var serverChannel: (any Channel)?
        var acceptContinuation: AsyncStream<Accepted>.Continuation?
        var connections: [UInt64: SMPPConnection] = [:]
        var sessions: [SMPPSessionID: SMPPServerSession] = [:]
        var roundRobin = 0
    }

    private struct Accepted: Sendable {
        let connection: SMPPConnection
        let events: AsyncStream<SMPPConnectionEvent>
    }

    public init(
        configuration: Configuration,
        handler: some SMPPServerHandler,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "smpp.server")
    ) {
        self.configuration = configuration
        self.handler = handler
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
        self.listening = eventLoopGroup.next().makePromise(of: SocketAddress.self)
    }

    deinit {
        listening.fail(SMPPError(.shutdown, message: "server released"))
    }

    // MARK: Sessions

    /// The address the server listens on, once ``run()`` has bound its socket (waits until then).
    public func listeningAddress() async throws -> SocketAddress {
        try await listening.futureResult.get()
    }

    /// All bound sessions.
    public var sessions: [SMPPServerSession] {
        shared.withLock { Array($0.sessions.values) }.sorted { $0.id.rawValue < $1.id.rawValue }
    }

    public func session(id: SMPPSessionID) -> SMPPServerSession? {
        shared.withLock { $0.sessions[id] }
    }

    /// Bound sessions of one ESME account.
    public func sessions(systemID: String) -> [SMPPServerSession] {
        sessions.filter { $0.systemID == systemID }
    }

    /// Delivers to one receiver or transceiver session of `systemID` (round robin) and waits for
    /// its deliver_sm_resp. Throws ``SMPPError/Code/sessionNotFound`` when none is bound.
    @discardableResult
    public func deliver(_ sm: DeliverSM, toSystemID systemID: String) async throws -> DeliverSMResponse {
        try await pickReceiver(systemID).deliver(sm)
    }

    /// Sends a data_sm to one receiving session of `systemID` (round robin).
    public func dataSM(_ sm: DataSM, toSystemID systemID: String) async throws -> DataSMResponse {
        try await pickReceiver(systemID).dataSM(sm)
    }

    private func pickReceiver(_ systemID: String) throws -> SMPPServerSession {
        let candidates = sessions(systemID: systemID).filter { $0.bindType.canReceive }
        guard !candidates.isEmpty else {
            throw SMPPError(.sessionNotFound, message: "no receiving session bound for system_id \(systemID)")
        }
        let index = shared.withLock { shared -> Int in
            shared.roundRobin &+= 1
            return shared.roundRobin
        }
        return candidates[index % candidates.count]
    }

    // MARK: Lifecycle

    /// Listens and serves until cancelled or ``shutdown()``, then unbinds every session.
    ///
    /// Throws if the socket cannot be bound, the TLS configuration is invalid, or run() was
    /// already called.
    public func run() async throws {
        let alreadyRunning = shared.withLock { shared -> Bool in
            defer { shared.running = true }
            return shared.running
        }
        guard !alreadyRunning else { throw SMPPError(.invalidState, message: "run() may only be called once") }

        let (accepted, acceptContinuation) = AsyncStream.makeStream(of: Accepted.self)
        let serverChannel: any Channel
        do {
            let sslContext = try configuration.tls.map { try NIOSSLContext(configuration: $0) }
            serverChannel = try await bind(sslContext: sslContext, acceptContinuation: acceptContinuation)
        } catch {
            listening.fail(error)
            throw error
        }
        shared.withLock { shared in
            shared.serverChannel = serverChannel
            shared.acceptContinuation = acceptContinuation
        }
        if let address = serverChannel.localAddress {
            listening.succeed(address)
            logger.info("SMPP server listening", metadata: ["address": "\(address)"])
        }
        if shutdownSignal.isFired { requestShutdown() }

        await withTaskCancellationHandler {
            await withDiscardingTaskGroup { group in
                for await connection in accepted {
                    group.addTask { await self.serve(connection) }
                }
            }
        } onCancel: {
            self.requestShutdown()
        }
        // Sessions whose serve loop ended through cancellation are still closing.
        let remaining = shared.withLock { Array($0.connections.values) }
        for connection in remaining { try? await connection.closeFuture.get() }
        logger.info("SMPP server stopped")
    }

    /// Stops accepting connections, unbinds every session (each gets the drain timeout for
    /// outstanding pushes) and returns once all connections are closed.
    public func shutdown() async {
        let connections = requestShutdown()
        for connection in connections {
            try? await connection.closeFuture.get()
        }
    }

    @discardableResult
    private func requestShutdown() -> [SMPPConnection] {
        shutdownSignal.fire()
        let (channel, continuation, connections) = shared.withLock { shared in
            (shared.serverChannel, shared.acceptContinuation, Array(shared.connections.values))
        }
        channel?.close(promise: nil)
        continuation?.finish()
        for connection in connections {
            connection.enqueue(.unbind(drainTimeout: configuration.drainTimeout))
        }
        return connections
    }

    private func bind(sslContext: NIOSSLContext?, acceptContinuation: AsyncStream<Accepted>.Continuation) async throws -> any Channel {
        let connectionConfiguration = configuration.connectionConfiguration
        let logger = self.logger
        let shutdownSignal = self.shutdownSignal
        let maxConnections = configuration.maxConnections
        return try await ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(ChannelOptions.backlog, value: configuration.backlog)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if shutdownSignal.isFired {
                        channel.close(promise: nil)
                        return
                    }
                    if let maxConnections, self.openConnections.load(ordering: .relaxed) >= maxConnections {
                        logger.warning("SMPP connection refused: too many connections",
                                       metadata: ["peer": "\(channel.remoteAddress.map { "\($0)" } ?? "?")"])
                        channel.close(promise: nil)
                        return
                    }
                    self.openConnections.add(1, ordering: .relaxed)
                    channel.closeFuture.whenComplete { _ in self.openConnections.subtract(1, ordering: .relaxed) }
                    if let sslContext {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: sslContext))
                    }
                    let (events, eventsContinuation) = AsyncStream.makeStream(of: SMPPConnectionEvent.self)
                    let handler = SMPPChannelHandler(configuration: connectionConfiguration, logger: logger) { event in
                        eventsContinuation.yield(event)
                        if case .closed = event { eventsContinuation.finish() }
                    }
                    let connection = SMPPConnection(channel: channel, handler: handler)
                    handler.connection = connection
                    try channel.pipeline.syncOperations.addHandler(handler)
                    if case .terminated = acceptContinuation.yield(Accepted(connection: connection, events: events)) {
                        channel.close(promise: nil)
                    }
                }
            }
            .bind(host: configuration.host, port: configuration.port)
            .get()
    }

    // MARK: Serving one connection

    private func serve(_ accepted: Accepted) async {
        let connection = accepted.connection
        shared.withLock { $0.connections[connection.id] = connection }
        if shutdownSignal.isFired {
            connection.enqueue(.unbind(drainTimeout: configuration.drainTimeout))
        }
        let sessionID = SMPPSessionID(rawValue: connection.id)
        var logger = self.logger
        logger[metadataKey: "smpp.session"] = "\(sessionID)"
        logger[metadataKey: "smpp.peer"] = "\(connection.remoteAddress.map { "\($0)" } ?? "?")"
        var session: SMPPServerSession?
        var pendingBind: BindRequest?

        await withDiscardingTaskGroup { group in
            for await event in accepted.events {
                switch event {
                case .authenticate(let bind, let sequenceNumber):
                    pendingBind = bind
                    let attempt = SMPPBindAttempt(
                        sessionID: sessionID, bindType: bind.bindType, systemID: bind.systemID, password: bind.password,
                        systemType: bind.systemType, interfaceVersion: bind.interfaceVersion,
                        addressRange: bind.addressRange, remoteAddress: connection.remoteAddress)
                    let systemID = configuration.systemID
                    let handler = self.handler
                    let logger = logger
                    group.addTask {
                        let decision = await handler.authenticate(attempt)
                        if !decision.status.isOK {
                            logger.info("SMPP bind rejected", metadata: ["system_id": "\(bind.systemID)", "status": "\(decision.status)"])
                        }
                        let response = PDU(commandStatus: decision.status, sequenceNumber: sequenceNumber,
                                           body: .bindResponse(BindResponse(bindType: bind.bindType, systemID: systemID)))
                        connection.decideBind(sequenceNumber: sequenceNumber, response: response, limits: decision.limits)
                    }
                case .bound(let type):
                    guard let bind = pendingBind else { continue }
                    let bound = SMPPServerSession(id: sessionID, bind: bind, bindType: type, connection: connection)
                    session = bound
                    shared.withLock { $0.sessions[sessionID] = bound }
                    logger.info("SMPP session bound", metadata: ["system_id": "\(bound.systemID)", "bind_type": "\(type)"])
                    await handler.sessionBound(bound)
                case .request(let request):
                    guard let bound = session, let serverRequest = SMPPServerRequest(request.pdu.body) else {
                        request.responder.respond(status: .invalidCommandID, body: nil)
                        continue
                    }
                    group.addTask {
                        let (status, body) = await self.answer(serverRequest, from: bound)
                        request.responder.respond(status: status, body: body)
                    }
                case .closed(let reason):
                    if let reason {
                        logger.debug("SMPP session closed", metadata: ["reason": "\(reason)"])
                    }
                }
            }
        }
        try? await connection.closeFuture.get()
        shared.withLock { shared in
            shared.connections.removeValue(forKey: connection.id)
            shared.sessions.removeValue(forKey: sessionID)
        }
        if let session {
            logger.info("SMPP session closed", metadata: ["system_id": "\(session.systemID)"])
            await handler.sessionClosed(session)
        }
    }

    private func answer(_ request: SMPPServerRequest, from session: SMPPServerSession) async -> (CommandStatus, PDU.Body?) {
        do {
            let response = try await handler.handle(request, from: session)
            guard let wire = response.wire(for: request) else {
                logger.error("SMPP handler answered \(request.commandID) with a mismatched response", metadata: ["response": "\(response)"])
                return (.systemError, nil)
            }
            return wire
        } catch let error as SMPPError {
            let status = error.commandStatus ?? .systemError
            return (status.isOK ? .systemError : status, nil)
        } catch {
            logger.debug("SMPP handler failed", metadata: ["error": "\(error)"])
            return (.systemError, nil)
        }
    }
}
