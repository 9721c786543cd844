import Synchronization
import NIOCore

/// The thread-safe face of one SMPP connection: hands commands to the connection's event loop in
/// batches (one event-loop hop per batch, not per request) and exposes async request methods.
///
/// Internal building block of ``SMPPClient`` and ``SMPPServer``.
final class SMPPConnection: Sendable {
    let channel: any Channel
    let id: UInt64
    private let handler: NIOLoopBound<SMPPChannelHandler>
    private let queue = Mutex(QueueState())
    private let requestIDs = Atomic<UInt64>(0)

    struct QueueState {
        var commands: [SMPPConnectionCommand] = []
        var drainScheduled = false
        var closed = false
    }

    private static let connectionIDs = Atomic<UInt64>(0)

    /// Must be called on the channel's event loop (from a channel initializer).
    init(channel: any Channel, handler: SMPPChannelHandler) {
        self.channel = channel
        self.id = Self.connectionIDs.wrappingAdd(1, ordering: .relaxed).newValue
        self.handler = NIOLoopBound(handler, eventLoop: channel.eventLoop)
    }

    var eventLoop: any EventLoop { channel.eventLoop }
    var closeFuture: EventLoopFuture<Void> { channel.closeFuture }
    var remoteAddress: SocketAddress? { channel.remoteAddress }

    // MARK: Command queue

    /// Queues a command for the event loop. Returns false (and fails the command) when the
    /// connection is closed.
    @discardableResult
    func enqueue(_ command: SMPPConnectionCommand) -> Bool {
        let (accepted, schedule) = queue.withLock { state -> (Bool, Bool) in
            if state.closed { return (false, false) }
            state.commands.append(command)
            if state.drainScheduled { return (true, false) }
            state.drainScheduled = true
            return (true, true)
        }
        guard accepted else {
            Self.fail(command, SMPPError(.notBound, message: "connection is closed"))
            return false
        }
        if schedule {
            let handler = self.handler
            channel.eventLoop.execute {
                handler.value.drainCommands()
            }
        }
        return true
    }

    /// Called by the handler on the event loop: takes every queued command.
    func takeCommands() -> [SMPPConnectionCommand] {
        queue.withLock { state in
            state.drainScheduled = false
            let commands = state.commands
            state.commands = []
            return commands
        }
    }

    /// Called by the handler when the connection is gone: later commands fail immediately.
    func markClosed() -> [SMPPConnectionCommand] {
        queue.withLock { state in
            state.closed = true
            let commands = state.commands
            state.commands = []
            return commands
        }
    }

    static func fail(_ command: SMPPConnectionCommand, _ error: SMPPError) {
        switch command {
        case .request(_, _, let sink), .bind(_, let sink):
            sink.fail(error)
        case .cancel, .respond, .bindDecision, .unbind, .close:
            break
        }
    }

    // MARK: Operations

    /// Sends a request and waits for its response PDU (whatever its status).
    ///
    /// Throws ``SMPPError`` with `notBound` / `cancelled` / `invalidPDU` (not sent), or
    /// `responseTimeout` / `connectionLost` (sent, outcome unknown).
    func send(_ body: PDU.Body) async throws -> PDU {
        let id = requestIDs.wrappingAdd(1, ordering: .relaxed).newValue
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<PDU, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: SMPPError(.cancelled, message: "task cancelled before sending \(body.commandID)"))
                    return
                }
                enqueue(.request(id: id, body: body, sink: .continuation(continuation)))
            }
        } onCancel: {
            enqueue(.cancel(id: id))
        }
    }

    /// ESME: binds; returns the bind_resp (which may carry an error status).
    func bind(_ request: BindRequest) async throws -> PDU {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<PDU, any Error>) in
            enqueue(.bind(request, sink: .continuation(continuation)))
        }
    }

    /// SMSC: answers a pending bind.
    func decideBind(sequenceNumber: UInt32, response: PDU, limits: SMPPSessionLimits?) {
        enqueue(.bindDecision(sequenceNumber: sequenceNumber, response: response, limits: limits))
    }

    /// Sends the response to an inbound request. False when the connection is closed.
    func respond(_ pdu: PDU) -> Bool {
        enqueue(.respond(pdu))
    }

    /// Graceful unbind: waits up to `drainTimeout` for outstanding requests, unbinds, and
    /// returns once the connection is closed.
    func unbind(drainTimeout: TimeAmount) async {
        enqueue(.unbind(drainTimeout: drainTimeout))
        try? await channel.closeFuture.get()
    }

    /// Closes immediately.
    func close() {
        if !enqueue(.close) {
            channel.close(promise: nil)
        }
    }
}
