import Logging
import NIOCore

/// The NIO glue of one SMPP connection: frames and decodes PDUs, feeds them to the
/// ``SessionStateMachine`` and the ``RequestScheduler``, performs the actions they return, and
/// batches writes (one flush per read burst or per command batch, never per PDU).
///
/// Everything here runs on the channel's event loop. Other threads talk to it only through
/// ``SMPPConnection`` (a locked command queue drained once per event-loop hop).
final class SMPPChannelHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let configuration: SMPPConnectionConfiguration
    private let logger: Logger
    private let onEvent: @Sendable (SMPPConnectionEvent) -> Void
    private let decoder: PDUDecoder
    private let encoder: PDUEncoder

    private var stateMachine: SessionStateMachine
    private var scheduler: RequestScheduler<ResponseSink>
    private var frameProcessor: NIOSingleStepByteToMessageProcessor<SMPPFrameDecoder>

    /// Set right after construction by whoever creates the connection; released on close.
    var connection: SMPPConnection?
    private var context: ChannelHandlerContext?

    private var outbound: ByteBuffer
    private var needsFlush = false

    // Inbound requests awaiting the application's answer.
    private struct PendingInbound {
        var responder: InboundResponder
        var deadline: NIODeadline?
    }
    private var inboundPending: [UInt32: PendingInbound] = [:]
    private var inboundWindow: Int
    private var inboundBucket: TokenBucket?

    // Timers.
    private var tick: RepeatedTask?
    private var wake: (deadline: NIODeadline, task: Scheduled<Void>)?
    private var lastRead: NIODeadline = .now()
    private var openedAt: NIODeadline = .now()
    private var enquireLinkOutstanding: UInt32?

    // Control requests we track specially.
    private var bindSequenceNumber: UInt32?
    private var unbindSequenceNumber: UInt32?

    // Graceful unbind.
    private var draining: (deadline: NIODeadline, unbindStarted: Bool)?
    private var closeReason: SMPPError?
    private var isClosed = false

    private var nextControlID: UInt64 = 1 << 62

    /// The event loop's clock (virtual time under EmbeddedEventLoop / NIOAsyncTestingEventLoop).
    private var now: NIODeadline { context?.eventLoop.now ?? .now() }

    init(configuration: SMPPConnectionConfiguration, logger: Logger, onEvent: @escaping @Sendable (SMPPConnectionEvent) -> Void) {
        self.configuration = configuration
        self.logger = logger
        self.onEvent = onEvent
        self.decoder = PDUDecoder(options: configuration.codec)
        self.encoder = PDUEncoder(options: configuration.codec)
        self.stateMachine = SessionStateMachine(role: configuration.role)
        self.scheduler = RequestScheduler(configuration: .init(
            windowSize: max(1, configuration.windowSize),
            responseTimeout: configuration.responseTimeout,
            throttle: configuration.throttle,
            maxTPS: configuration.maxTPS))
        self.frameProcessor = NIOSingleStepByteToMessageProcessor(
            SMPPFrameDecoder(maxPDUSize: configuration.codec.maxPDUSize), maximumBufferSize: nil)
        self.outbound = ByteBuffer()
        self.inboundWindow = max(1, configuration.inboundWindow)
        self.inboundBucket = configuration.inboundMaxTPS.map { TokenBucket(rate: $0) }
    }

    // MARK: Channel lifecycle

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        self.outbound = context.channel.allocator.buffer(capacity: 4096)
        if context.channel.isActive { start(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context: context)
        context.fireChannelActive()
    }

    private func start(context: ChannelHandlerContext) {
        guard tick == nil, !isClosed else { return }
        let now = context.eventLoop.now
        lastRead = now
        openedAt = now
        let interval = configuration.tickInterval
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        tick = context.eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in
            loopBound.value.onTick()
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        teardown(reason: closeReason ?? (stateMachine.isClosed ? nil : SMPPError(.connectionClosed, message: "peer closed the connection")))
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        teardown(reason: closeReason ?? SMPPError(.connectionClosed, message: "handler removed"))
        self.context = nil
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.debug("SMPP connection error", metadata: ["error": "\(error)"])
        close(SMPPError(.connectionClosed, message: "channel error", underlying: error))
    }

    // MARK: Reading

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        lastRead = self.now
        do {
            try frameProcessor.process(buffer: bytes) { frame in
                self.handleFrame(frame)
            }
        } catch {
            // Framing is lost: answer generic_nack (ESME_RINVCMDLEN) and close.
            let header = (error as? SMPPCodecError)?.header
            logger.warning("SMPP framing error, closing", metadata: ["error": "\(error)"])
            write(PDU(commandStatus: .invalidCommandLength, sequenceNumber: header?.sequenceNumber ?? 0, body: .genericNack))
            close(SMPPError(.protocolError, message: "invalid PDU framing from peer", underlying: error))
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        pumpOutbound()
        flushIfNeeded()
        context.fireChannelReadComplete()
    }

    private func handleFrame(_ frame: ByteBuffer) {
        guard !isClosed else { return }
        let pdu: PDU
        do {
            pdu = try decoder.decode(frame: frame)
        } catch {
            handleDecodeError(error)
            return
        }
        handle(pdu)
    }

    private func handleDecodeError(_ error: SMPPCodecError) {
        guard let header = error.header else { return }
        if header.commandID.isResponse {
            // A response we cannot read: fail the request it answers.
            if case .complete(let entry) = scheduler.responseReceived(sequenceNumber: header.sequenceNumber, status: .ok, now: self.now) {
                entry.context.fail(SMPPError(.unexpectedResponse, message: "undecodable \(header.commandID)", underlying: error))
            }
            logger.debug("undecodable SMPP response", metadata: ["error": "\(error)"])
            return
        }
        logger.debug("rejecting undecodable SMPP request", metadata: ["error": "\(error)"])
        if header.commandID.isKnown, !header.commandID.expectsResponse {
            return  // outbind / alert_notification: no response exists
        }
        write(PDU.errorResponse(to: header, status: error.status))
    }

    private func handle(_ pdu: PDU) {
        switch stateMachine.received(pdu) {
        case .respond(let response):
            write(response)
        case .deliverRequest(let request):
            handleInboundRequest(request)
        case .deliverResponse(let response):
            completeRequest(response)
        case .authenticate(let bind, let sequenceNumber):
            onEvent(.authenticate(bind, sequenceNumber: sequenceNumber))
        case .bindSucceeded(let type, let response):
            bindSequenceNumber = nil
            completeRequest(response)
            onEvent(.bound(type))
        case .bindFailed(let response):
            bindSequenceNumber = nil
            completeRequest(response)
        case .respondAndClose(let response):
            write(response)
            close(nil)
        case .closeAfterUnbind(let response):
            completeRequest(response)
            close(nil)
        case .ignore:
            logger.debug("ignoring SMPP PDU", metadata: ["command": "\(pdu.commandID)"])
        }
    }

    private func handleInboundRequest(_ pdu: PDU) {
        let expectsResponse = pdu.commandID.expectsResponse
        if expectsResponse {
            if inboundPending.count >= inboundWindow {
                write(PDU.errorResponse(to: header(of: pdu), status: .throttled))
                return
            }
            if inboundBucket != nil, inboundBucket!.take(now: self.now) != nil {
                write(PDU.errorResponse(to: header(of: pdu), status: .throttled))
                return
            }
        }
        let responder = InboundResponder(connection: connection, sequenceNumber: pdu.sequenceNumber, commandID: pdu.commandID)
        if expectsResponse {
            if configuration.inboundAutoRespond {
                _ = responder.claim()
                write(PDU(sequenceNumber: pdu.sequenceNumber, body: PDU.Body.emptyResponse(to: pdu.commandID) ?? .genericNack))
            } else {
                let deadline = configuration.inboundResponseTimeout.map { self.now + $0 }
                inboundPending[pdu.sequenceNumber] = PendingInbound(responder: responder, deadline: deadline)
            }
        } else {
            _ = responder.claim()
        }
        onEvent(.request(SMPPInboundRequest(pdu: pdu, responder: responder)))
    }

    private func header(of pdu: PDU) -> PDUHeader {
        PDUHeader(commandLength: 0, commandID: pdu.commandID, commandStatus: pdu.commandStatus, sequenceNumber: pdu.sequenceNumber)
    }

    private func completeRequest(_ response: PDU) {
        let now = self.now
        switch scheduler.responseReceived(sequenceNumber: response.sequenceNumber, status: response.commandStatus, now: now) {
        case .complete(let entry):
            if response.sequenceNumber == enquireLinkOutstanding { enquireLinkOutstanding = nil }
            entry.context.succeed(response)
        case .retry(let pause):
            logger.debug("peer throttled; pausing bind", metadata: ["status": "\(response.commandStatus)", "pause": "\(pause)"])
        case .unknown:
            logger.debug("response without outstanding request", metadata: [
                "command": "\(response.commandID)", "sequence_number": "\(response.sequenceNumber)"])
        }
        if draining != nil { checkDrain(now: now) }
    }

    // MARK: Commands from other threads

    func drainCommands() {
        guard let connection else { return }
        for command in connection.takeCommands() {
            perform(command)
        }
        pumpOutbound()
        flushIfNeeded()
    }

    private func perform(_ command: SMPPConnectionCommand) {
        if isClosed {
            SMPPConnection.fail(command, SMPPError(.notBound, message: "connection is closed"))
            return
        }
        switch command {
        case .request(let id, let body, let sink):
            if draining != nil || stateMachine.state == .closed {
                sink.fail(SMPPError(.shutdown, message: "session is unbinding; \(body.commandID) not sent"))
            } else if !stateMachine.canSend(body.commandID) {
                let code: SMPPError.Code = stateMachine.isBound ? .invalidState : .notBound
                sink.fail(SMPPError(code, message: "\(body.commandID) not allowed in state \(stateMachine.state)"))
            } else if !body.commandID.expectsResponse {
                // alert_notification: no response, so no window slot; written at once.
                let pdu = PDU(sequenceNumber: scheduler.allocateSequenceNumber(), body: body)
                if write(pdu) {
                    sink.succeed(pdu)
                } else {
                    sink.fail(SMPPError(.invalidPDU, message: "cannot encode \(body.commandID)"))
                }
            } else {
                scheduler.enqueue(.init(id: id, body: body, context: sink))
            }
        case .cancel(let id):
            if let entry = scheduler.cancel(id: id) {
                entry.context.fail(SMPPError(.cancelled, message: "cancelled before \(entry.body.commandID) was sent"))
            }
        case .respond(let pdu):
            inboundPending.removeValue(forKey: pdu.sequenceNumber)
            if !stateMachine.isClosed { write(pdu) }
        case .bind(let request, let sink):
            let now = self.now
            let sequence = scheduler.sendControl(.init(id: controlID(), body: .bind(request), context: sink), now: now,
                                                 timeout: configuration.bindTimeout)
            switch stateMachine.bindRequested(request, sequenceNumber: sequence) {
            case .send(let pdu):
                if write(pdu) {
                    bindSequenceNumber = sequence
                } else {
                    _ = scheduler.responseReceived(sequenceNumber: sequence, status: .ok, now: now)
                    stateMachine.bindTimedOut()
                    sink.fail(SMPPError(.invalidPDU, message: "cannot encode bind (check system_id/password limits)"))
                }
            case .reject(let code):
                _ = scheduler.responseReceived(sequenceNumber: sequence, status: .ok, now: now)
                sink.fail(SMPPError(code, message: "cannot bind in state \(stateMachine.state)"))
            case .close:
                _ = scheduler.responseReceived(sequenceNumber: sequence, status: .ok, now: now)
                sink.fail(SMPPError(.invalidState, message: "cannot bind"))
            }
        case .bindDecision(let sequenceNumber, let response, let limits):
            guard case .send(let pdu) = stateMachine.bindDecided(sequenceNumber: sequenceNumber, response: response) else {
                logger.debug("bind decision for a bind that is no longer pending")
                return
            }
            if let limits {
                inboundWindow = limits.maxInFlight
                inboundBucket = limits.maxTPS.map { TokenBucket(rate: $0) }
            }
            write(pdu)
            if let type = stateMachine.bindType, stateMachine.isBound {
                onEvent(.bound(type))
            }
        case .unbind(let drainTimeout):
            if draining == nil {
                draining = (self.now + drainTimeout, false)
            }
            checkDrain(now: self.now)
        case .close:
            close(nil)
        }
    }

    private func controlID() -> UInt64 {
        nextControlID += 1
        return nextControlID
    }

    // MARK: Writing

    /// Encodes `pdu` into the pending output. Returns false when it could not be encoded.
    @discardableResult
    private func write(_ pdu: PDU) -> Bool {
        do {
            try encoder.encode(pdu, into: &outbound)
            needsFlush = true
            return true
        } catch {
            logger.error("cannot encode SMPP PDU", metadata: ["command": "\(pdu.commandID)", "error": "\(error)"])
            return false
        }
    }

    private func flushIfNeeded() {
        guard needsFlush, let context, outbound.readableBytes > 0 else { return }
        needsFlush = false
        let buffer = outbound
        outbound = context.channel.allocator.buffer(capacity: max(4096, buffer.readableBytes))
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
    }

    /// Sends whatever the window, token bucket and throttle pause allow.
    private func pumpOutbound() {
        guard !isClosed else { return }
        let now = self.now
        while true {
            switch scheduler.next(now: now) {
            case .send(let sequenceNumber, let entry):
                do {
                    try encoder.encode(PDU(sequenceNumber: sequenceNumber, body: entry.body), into: &outbound)
                    needsFlush = true
                } catch {
                    _ = scheduler.responseReceived(sequenceNumber: sequenceNumber, status: .ok, now: now)
                    entry.context.fail(SMPPError(.invalidPDU, message: "cannot encode \(entry.body.commandID)", underlying: error))
                }
            case .wait(let until):
                scheduleWake(at: until)
                return
            case .idle:
                return
            }
        }
    }

    private func scheduleWake(at deadline: NIODeadline) {
        guard let context else { return }
        if let wake, wake.deadline <= deadline { return }
        wake?.task.cancel()
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let task = context.eventLoop.scheduleTask(deadline: deadline) {
            let handler = loopBound.value
            handler.wake = nil
            handler.pumpOutbound()
            handler.flushIfNeeded()
        }
        wake = (deadline, task)
    }

    // MARK: Timers

    private func onTick() {
        guard !isClosed else { return }
        let now = self.now

        for expired in scheduler.expire(now: now) {
            let command = expired.entry.body.commandID
            expired.entry.context.fail(SMPPError(.responseTimeout, message: "no response to \(command) (sequence \(expired.sequenceNumber))"))
            if expired.sequenceNumber == bindSequenceNumber {
                stateMachine.bindTimedOut()
                bindSequenceNumber = nil
            } else if expired.sequenceNumber == enquireLinkOutstanding {
                close(SMPPError(.connectionLost, message: "enquire_link unanswered; link is dead"))
                return
            } else if expired.sequenceNumber == unbindSequenceNumber {
                close(nil)
                return
            }
        }

        for (sequence, pending) in inboundPending {
            guard let deadline = pending.deadline, deadline <= now else { continue }
            inboundPending.removeValue(forKey: sequence)
            if pending.responder.claim() {
                logger.debug("inbound request not answered in time; answering automatically", metadata: [
                    "command": "\(pending.responder.commandID)", "status": "\(configuration.inboundTimeoutStatus)"])
                write(PDU(commandStatus: configuration.inboundTimeoutStatus, sequenceNumber: sequence,
                          body: PDU.Body.emptyResponse(to: pending.responder.commandID) ?? .genericNack))
            }
        }

        if configuration.role == .smsc, !stateMachine.isBound, stateMachine.bindType == nil,
           now - openedAt >= configuration.bindTimeout {
            close(SMPPError(.invalidState, message: "peer did not bind within \(configuration.bindTimeout)"))
            return
        }

        if let interval = configuration.enquireLinkInterval, enquireLinkOutstanding == nil,
           stateMachine.isBound, draining == nil, now - lastRead >= interval {
            let sequence = scheduler.sendControl(.init(id: controlID(), body: .enquireLink, context: .none), now: now)
            enquireLinkOutstanding = sequence
            write(PDU(sequenceNumber: sequence, body: .enquireLink))
        }

        if draining != nil { checkDrain(now: now) }
        pumpOutbound()
        flushIfNeeded()
    }

    // MARK: Unbind and close

    private func checkDrain(now: NIODeadline) {
        guard let drain = draining, !drain.unbindStarted else { return }
        let outstanding = scheduler.inFlightCount + scheduler.pendingCount
        guard outstanding == 0 || now >= drain.deadline else { return }
        draining = (drain.deadline, true)
        for entry in scheduler.removeUnsent() {
            entry.context.fail(SMPPError(.shutdown, message: "session unbinding; \(entry.body.commandID) not sent"))
        }
        let sequence = scheduler.sendControl(.init(id: controlID(), body: .unbind, context: .none), now: now,
                                             timeout: configuration.unbindTimeout)
        switch stateMachine.unbindRequested(sequenceNumber: sequence) {
        case .send(let pdu):
            unbindSequenceNumber = sequence
            write(pdu)
            flushIfNeeded()
        case .close, .reject:
            _ = scheduler.responseReceived(sequenceNumber: sequence, status: .ok, now: now)
            close(nil)
        }
    }

    /// Flushes pending output and closes the channel.
    private func close(_ reason: SMPPError?) {
        guard !isClosed, let context else { return }
        if closeReason == nil { closeReason = reason }
        flushIfNeeded()
        stateMachine.closed()
        context.close(promise: nil)
    }

    private func teardown(reason: SMPPError?) {
        guard !isClosed else { return }
        isClosed = true
        stateMachine.closed()
        tick?.cancel()
        tick = nil
        wake?.task.cancel()
        wake = nil
        let leftovers = connection?.markClosed() ?? []
        for command in leftovers {
            SMPPConnection.fail(command, SMPPError(.notBound, message: "connection closed"))
        }
        let (unsent, inFlight) = scheduler.removeAll()
        for entry in unsent {
            entry.context.fail(SMPPError(.notBound, message: "connection closed before \(entry.body.commandID) was sent"))
        }
        for entry in inFlight {
            entry.context.fail(SMPPError(.connectionLost, message: "connection closed before the response to \(entry.body.commandID)"))
        }
        for (_, pending) in inboundPending {
            _ = pending.responder.claim()
        }
        inboundPending.removeAll()
        connection = nil
        onEvent(.closed(reason))
    }
}
