import Logging
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// An SMPP 3.4 ESME: one bind to an SMSC, kept up by ``run()``.
///
/// - ``run()`` connects, binds, and reconnects with exponential backoff and jitter until it is
///   cancelled or ``shutdown()`` is called; then it drains outstanding requests, unbinds and
///   returns. It fits swift-service-lifecycle's `Service` (`run() async throws`).
/// - ``submit(_:)`` and friends send a request through the sliding window (TPS limit, adaptive
///   back-off on ESME_RTHROTTLED / ESME_RMSGQFUL) and return the response. A non-zero
///   `command_status` is thrown as ``SMPPError`` with code ``SMPPError/Code/rejected`` and the
///   status; see ``SMPPError`` for which errors mean "not sent" and which "outcome unknown".
/// - ``inbound`` delivers deliver_sm / data_sm / alert_notification; each must be answered with
///   ``SMPPInboundMessage/respond(_:)`` (after storing it durably, if needed).
/// - ``stateChanges()`` reports bound / reconnecting / stopped for health tracking.
///
/// ```swift
/// let client = SMPPClient(configuration: .init(host: "127.0.0.1", port: 2775,
///                                               systemID: "herald", password: "secret"))
/// try await withThrowingTaskGroup(of: Void.self) { group in
///     group.addTask { try await client.run() }
///     group.addTask {
///         for await message in client.inbound { message.respond(.ok) }
///     }
///     try await client.waitUntilBound()
///     let response = try await client.submit(SubmitSM(source: .international("15550001"),
///                                                     destination: .international("15550002"),
///                                                     shortMessage: Array("hello".utf8)))
///     print(response.messageID)
///     await client.shutdown()
/// }
/// ```
public final class SMPPClient: Sendable {
    public let configuration: Configuration
    /// Inbound messages from the SMSC (single consumer). Finishes when ``run()`` returns.
    public let inbound: AsyncStream<SMPPInboundMessage>

    private let eventLoopGroup: any EventLoopGroup
    private let logger: Logger
    private let inboundContinuation: AsyncStream<SMPPInboundMessage>.Continuation
    private let shutdownSignal = ShutdownSignal()
    private let shared = Mutex(Shared())

    private struct Shared {
        var state: State = .idle
        var connection: SMPPConnection?
        var running = false
        var observers: [UInt64: AsyncStream<State>.Continuation] = [:]
        var nextObserver: UInt64 = 0
    }

    public init(
        configuration: Configuration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "smpp.client")
    ) {
        self.configuration = configuration
        self.eventLoopGroup = eventLoopGroup
        var logger = logger
        logger[metadataKey: "smpp.system_id"] = "\(configuration.systemID)"
        logger[metadataKey: "smpp.peer"] = "\(configuration.host):\(configuration.port)"
        self.logger = logger
        (inbound, inboundContinuation) = AsyncStream.makeStream(of: SMPPInboundMessage.self)
    }

    // MARK: State

    /// The current connection state.
    public var state: State { shared.withLock { $0.state } }

    /// A stream of state changes, starting with the current state. Each call returns a new
    /// stream; it finishes when ``run()`` returns.
    public func stateChanges() -> AsyncStream<State> {
        let (stream, continuation) = AsyncStream.makeStream(of: State.self, bufferingPolicy: .bufferingNewest(64))
        let id: UInt64? = shared.withLock { shared in
            continuation.yield(shared.state)
            if case .stopped = shared.state { return nil }
            shared.nextObserver += 1
            shared.observers[shared.nextObserver] = continuation
            return shared.nextObserver
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.shared.withLock { $0.observers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Waits until the client is bound. Throws ``SMPPError/Code/shutdown`` if it stops first.
    public func waitUntilBound() async throws {
        for await state in stateChanges() {
            switch state {
            case .bound: return
            case .stopped, .unbinding: throw SMPPError(.shutdown, message: "client stopped before binding")
            default: continue
            }
        }
        try Task.checkCancellation()
        throw SMPPError(.shutdown, message: "client stopped before binding")
    }

    private func setState(_ state: State) {
        let observers = shared.withLock { shared -> [AsyncStream<State>.Continuation] in
            shared.state = state
            return Array(shared.observers.values)
        }
        logger.debug("SMPP client state", metadata: ["state": "\(state)"])
        for observer in observers { observer.yield(state) }
    }

    // MARK: Requests

    /// Submits one short message; returns the submit_sm_resp of an ESME_ROK answer.
    ///
    /// Throws ``SMPPError``: `rejected` (with the status) for a non-zero command_status,
    /// `notBound` / `shutdown` / `invalidPDU` / `cancelled` when nothing was sent,
    /// `responseTimeout` / `connectionLost` when the outcome is unknown.
    public func submit(_ sm: SubmitSM) async throws -> SubmitSMResponse {
        let response = try await send(.submitSM(sm))
        guard case .submitSMResponse(let body) = response.body else { throw unexpected(response, .submitSM) }
        return body
    }

    /// Submits to several destinations; returns the submit_multi_resp (check `unsuccessful`).
    public func submitMulti(_ sm: SubmitMulti) async throws -> SubmitMultiResponse {
        let response = try await send(.submitMulti(sm))
        guard case .submitMultiResponse(let body) = response.body else { throw unexpected(response, .submitMulti) }
        return body
    }

    /// Sends a data_sm; returns the data_sm_resp.
    public func dataSM(_ sm: DataSM) async throws -> DataSMResponse {
        let response = try await send(.dataSM(sm))
        guard case .dataSMResponse(let body) = response.body else { throw unexpected(response, .dataSM) }
        return body
    }

    /// Queries the state of a submitted message.
    public func query(_ request: QuerySM) async throws -> QuerySMResponse {
        let response = try await send(.querySM(request))
        guard case .querySMResponse(let body) = response.body else { throw unexpected(response, .querySM) }
        return body
    }

    /// Cancels pending messages.
    public func cancel(_ request: CancelSM) async throws {
        let response = try await send(.cancelSM(request))
        guard response.commandID == .cancelSMResponse else { throw unexpected(response, .cancelSM) }
    }

    /// Replaces a pending message.
    public func replace(_ request: ReplaceSM) async throws {
        let response = try await send(.replaceSM(request))
        guard response.commandID == .replaceSMResponse else { throw unexpected(response, .replaceSM) }
    }

    /// Sends any request PDU body and returns the raw response PDU, whatever its status.
    public func sendRaw(_ body: PDU.Body) async throws -> PDU {
        guard let connection = shared.withLock({ $0.connection }) else {
            throw SMPPError(.notBound, message: "no bound session to \(configuration.host):\(configuration.port)")
        }
        return try await connection.send(body)
    }

    private func send(_ body: PDU.Body) async throws -> PDU {
        let response = try await sendRaw(body)
        guard response.commandStatus.isOK else {
            throw SMPPError.rejected(response.commandStatus, body.commandID)
        }
        return response
    }

    private func unexpected(_ response: PDU, _ request: CommandID) -> SMPPError {
        SMPPError(.unexpectedResponse, message: "\(response.commandID) received for \(request)")
    }

    // MARK: Lifecycle

    /// Keeps the bind up until cancelled or ``shutdown()``: connects, binds, reconnects with
    /// backoff; on stop, drains outstanding requests, unbinds and returns.
    ///
    /// Throws only if called twice or if the TLS configuration is invalid.
    public func run() async throws {
        let alreadyRunning = shared.withLock { shared -> Bool in
            defer { shared.running = true }
            return shared.running
        }
        guard !alreadyRunning else { throw SMPPError(.invalidState, message: "run() may only be called once") }

        let sslContext = try configuration.tls.map { try NIOSSLContext(configuration: $0) }
        defer {
            setState(.stopped)
            inboundContinuation.finish()
            let observers = shared.withLock { shared in
                defer { shared.observers.removeAll() }
                return Array(shared.observers.values)
            }
            for observer in observers { observer.finish() }
        }
        await withTaskCancellationHandler {
            await runLoop(sslContext: sslContext)
        } onCancel: {
            self.requestShutdown()
        }
    }

    /// Gracefully stops ``run()``: outstanding requests get up to the drain timeout, then the
    /// client unbinds and closes. Returns when the connection is closed.
    public func shutdown() async {
        shutdownSignal.fire()
        let connection = shared.withLock { $0.connection }
        if let connection {
            setState(.unbinding)
            await connection.unbind(drainTimeout: configuration.drainTimeout)
        }
    }

    private func requestShutdown() {
        shutdownSignal.fire()
        if let connection = shared.withLock({ $0.connection }) {
            connection.enqueue(.unbind(drainTimeout: configuration.drainTimeout))
        }
    }

    private func runLoop(sslContext: NIOSSLContext?) async {
        var backoff = ReconnectBackoff(policy: configuration.reconnect)
        var attempt = 0
        while !shutdownSignal.isFired {
            attempt += 1
            setState(.connecting(attempt: attempt))
            var lastError: SMPPError?
            do {
                let closeReason = LockedBox<SMPPError?>(nil)
                let connection = try await connect(sslContext: sslContext, closeReason: closeReason)
                let response: PDU
                do {
                    response = try await connection.bind(configuration.bindRequest)
                } catch {
                    connection.close()
                    throw error
                }
                guard response.commandStatus.isOK else {
                    connection.close()
                    throw SMPPError(.bindFailed, commandStatus: response.commandStatus, message: "bind refused by SMSC")
                }
                shared.withLock { $0.connection = connection }
                if shutdownSignal.isFired {
                    connection.enqueue(.unbind(drainTimeout: configuration.drainTimeout))
                } else {
                    backoff.reset()
                    attempt = 0
                    logger.info("SMPP bound", metadata: ["bind_type": "\(configuration.bindType)"])
                    setState(.bound(configuration.bindType))
                }
                try? await connection.closeFuture.get()
                shared.withLock { if $0.connection === connection { $0.connection = nil } }
                lastError = closeReason.withLock { $0 }
                logger.info("SMPP connection closed", metadata: ["reason": "\(lastError.map { "\($0)" } ?? "unbound")"])
            } catch let error as SMPPError {
                lastError = error
            } catch {
                lastError = SMPPError(.connectFailed, message: "cannot connect to \(configuration.host):\(configuration.port)", underlying: error)
            }
            if shutdownSignal.isFired { break }
            let delay = backoff.nextDelay(unitRandom: configuration.randomSource.nextUnit())
            logger.debug("SMPP reconnect scheduled", metadata: ["delay": "\(delay)", "error": "\(lastError.map { "\($0)" } ?? "-")"])
            setState(.reconnecting(attempt: attempt, delay: delay, lastError: lastError))
            await shutdownSignal.sleep(for: .nanoseconds(delay.nanoseconds))
        }
    }

    private func connect(sslContext: NIOSSLContext?, closeReason: LockedBox<SMPPError?>) async throws -> SMPPConnection {
        let configuration = self.configuration
        let logger = self.logger
        let inbound = self.inboundContinuation
        let connectionConfiguration = configuration.connectionConfiguration
        let onEvent: @Sendable (SMPPConnectionEvent) -> Void = { event in
            switch event {
            case .request(let request):
                guard let message = SMPPInboundMessage(request) else {
                    request.responder.respond(status: .invalidCommandID, body: nil)
                    return
                }
                if case .terminated = inbound.yield(message) {
                    request.responder.respond(status: configuration.inboundTimeoutStatus, body: nil)
                }
            case .closed(let reason):
                closeReason.withLock { $0 = reason }
            case .bound, .authenticate:
                break
            }
        }
        let bootstrap = ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(configuration.connectTimeout)
            .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
        return try await bootstrap.connect(host: configuration.host, port: configuration.port) { channel in
            channel.eventLoop.makeCompletedFuture {
                if let sslContext {
                    // SNI must be a host name, never an IP literal.
                    let name = configuration.tlsServerHostname ?? configuration.host
                    let isIPLiteral = (try? SocketAddress(ipAddress: name, port: 0)) != nil
                    let tls = try NIOSSLClientHandler(context: sslContext, serverHostname: isIPLiteral ? nil : name)
                    try channel.pipeline.syncOperations.addHandler(tls)
                }
                let handler = SMPPChannelHandler(configuration: connectionConfiguration, logger: logger, onEvent: onEvent)
                let connection = SMPPConnection(channel: channel, handler: handler)
                handler.connection = connection
                try channel.pipeline.syncOperations.addHandler(handler)
                return connection
            }
        }
    }
}
