/// The SMPP 3.4 session state machine, as a pure value: no I/O, no clocks.
///
/// Every event (a PDU read, a bind or unbind the user asked for, a bind decision, a close) is a
/// mutating method that returns what the connection must do. The NIO handler performs those
/// actions; tests drive the machine directly.
///
/// States follow SMPP 3.4 §2.2: OPEN → (bind) → BOUND_TX / BOUND_RX / BOUND_TRX → (unbind) → CLOSED.
/// `binding` and `unbinding` are the transitional states while a bind or unbind is outstanding.
///
/// Wrong-state requests are answered with `ESME_RINVBNDSTS`; requests that the peer's role may
/// never send (e.g. submit_sm towards an ESME) with `ESME_RINVCMDID`.
struct SessionStateMachine: Sendable {
    /// Which end of the session we are.
    enum Role: Sendable, Hashable {
        /// The client (External Short Message Entity): binds, submits, receives deliveries.
        case esme
        /// The server (Short Message Service Centre): authenticates binds, receives submits, delivers.
        case smsc
    }

    enum State: Sendable, Hashable {
        case open
        /// ESME: bind sent, awaiting bind_resp. SMSC: bind received, awaiting the authentication decision.
        case binding(BindType, sequenceNumber: UInt32)
        case bound(BindType)
        /// We sent unbind with this sequence number and await unbind_resp.
        case unbinding(BindType, sequenceNumber: UInt32)
        case closed
    }

    /// What to do with a PDU read from the peer.
    enum InboundAction: Sendable, Hashable {
        /// Send this response ourselves (enquire_link_resp, error responses, generic_nack).
        case respond(PDU)
        /// Hand this request to the application (it is allowed in the current state).
        case deliverRequest(PDU)
        /// Match this response with our outstanding request of the same sequence number.
        case deliverResponse(PDU)
        /// SMSC: ask the authentication hook, then call ``SessionStateMachine/bindDecided(sequenceNumber:response:)``.
        case authenticate(BindRequest, sequenceNumber: UInt32)
        /// ESME: the bind succeeded; complete the bind request with this response.
        case bindSucceeded(BindType, PDU)
        /// ESME: the bind was refused (error bind_resp or generic_nack); state is OPEN again.
        case bindFailed(PDU)
        /// The peer unbound: send this unbind_resp, then close the connection.
        case respondAndClose(PDU)
        /// Our unbind was acknowledged: complete it and close the connection.
        case closeAfterUnbind(PDU)
        /// Nothing to do (e.g. outbind towards a connected ESME, a PDU after close).
        case ignore
    }

    /// What to do when the user asks to bind or unbind.
    enum RequestAction: Sendable, Hashable {
        case send(PDU)
        /// Not possible in this state (e.g. bind when already bound).
        case reject(SMPPError.Code)
        /// Unbind while not bound: just close the connection.
        case close
    }

    let role: Role
    private(set) var state: State = .open

    init(role: Role) {
        self.role = role
    }

    /// The current bind type, when bound or unbinding.
    var bindType: BindType? {
        switch state {
        case .bound(let type), .unbinding(let type, _): type
        default: nil
        }
    }

    var isBound: Bool {
        if case .bound = state { return true }
        return false
    }

    var isClosed: Bool { state == .closed }

    // MARK: Events

    /// ESME: the user asks to bind with `bind` (sent with `sequenceNumber`).
    mutating func bindRequested(_ bind: BindRequest, sequenceNumber: UInt32) -> RequestAction {
        guard role == .esme else { return .reject(.invalidState) }
        switch state {
        case .open:
            state = .binding(bind.bindType, sequenceNumber: sequenceNumber)
            return .send(PDU(sequenceNumber: sequenceNumber, body: .bind(bind)))
        case .binding, .bound, .unbinding:
            return .reject(.alreadyBound)
        case .closed:
            return .reject(.connectionClosed)
        }
    }

    /// SMSC: the authentication hook answered the bind with `response` (ok → bound, else stay open).
    mutating func bindDecided(sequenceNumber: UInt32, response: PDU) -> RequestAction {
        guard role == .smsc, case .binding(let type, let pending) = state, pending == sequenceNumber else {
            return .reject(.invalidState)
        }
        state = response.commandStatus.isOK ? .bound(type) : .open
        return .send(response)
    }

    /// Either side: the user asks to unbind (sent with `sequenceNumber`).
    mutating func unbindRequested(sequenceNumber: UInt32) -> RequestAction {
        switch state {
        case .bound(let type):
            state = .unbinding(type, sequenceNumber: sequenceNumber)
            return .send(PDU(sequenceNumber: sequenceNumber, body: .unbind))
        case .unbinding:
            return .reject(.unbinding)
        case .open, .binding:
            state = .closed
            return .close
        case .closed:
            return .reject(.connectionClosed)
        }
    }

    /// Our bind request got no answer in time (ESME) — back to OPEN so the caller can close.
    mutating func bindTimedOut() {
        if case .binding = state { state = .open }
    }

    /// The connection closed (or must close now).
    mutating func closed() {
        state = .closed
    }

    /// Whether we may send a request with `commandID` now.
    func canSend(_ commandID: CommandID) -> Bool {
        switch commandID {
        case .enquireLink:
            switch state {
            case .bound, .unbinding: return true
            default: return false
            }
        case .submitSM, .submitMulti, .querySM, .cancelSM, .replaceSM:
            guard role == .esme, case .bound(let type) = state else { return false }
            return type.canTransmit
        case .dataSM:
            guard case .bound(let type) = state else { return false }
            return role == .esme ? type.canTransmit : type.canReceive
        case .deliverSM, .alertNotification:
            guard role == .smsc, case .bound(let type) = state else { return false }
            return type.canReceive
        default:
            return false
        }
    }

    /// A PDU arrived from the peer.
    mutating func received(_ pdu: PDU) -> InboundAction {
        if state == .closed { return .ignore }
        let id = pdu.commandID
        if id.isResponse {
            return receivedResponse(pdu)
        }
        switch id {
        case .enquireLink:
            return .respond(PDU(sequenceNumber: pdu.sequenceNumber, body: .enquireLinkResponse))
        case .unbind:
            switch state {
            case .bound, .unbinding:
                state = .closed
                return .respondAndClose(PDU(sequenceNumber: pdu.sequenceNumber, body: .unbindResponse))
            default:
                return .respond(error(pdu, .invalidBindStatus))
            }
        case .bindTransmitter, .bindReceiver, .bindTransceiver:
            guard role == .smsc, case .bind(let bind) = pdu.body else { return .respond(error(pdu, .invalidCommandID)) }
            switch state {
            case .open:
                state = .binding(bind.bindType, sequenceNumber: pdu.sequenceNumber)
                return .authenticate(bind, sequenceNumber: pdu.sequenceNumber)
            case .binding:
                return .respond(error(pdu, .invalidBindStatus))
            default:
                return .respond(error(pdu, .alreadyBound))
            }
        case .outbind:
            // We only ever connect out as an ESME or accept as an SMSC; outbind has no response.
            return .ignore
        default:
            return receivedMessageRequest(pdu)
        }
    }

    private mutating func receivedMessageRequest(_ pdu: PDU) -> InboundAction {
        let id = pdu.commandID
        let smscBound: Set<CommandID> = [.submitSM, .submitMulti, .querySM, .cancelSM, .replaceSM]
        let esmeBound: Set<CommandID> = [.deliverSM, .alertNotification]
        let allowedByRole: Bool
        switch role {
        case .smsc: allowedByRole = smscBound.contains(id) || id == .dataSM
        case .esme: allowedByRole = esmeBound.contains(id) || id == .dataSM
        }
        guard allowedByRole else { return .respond(error(pdu, .invalidCommandID)) }
        guard case .bound(let type) = state else { return .respond(error(pdu, .invalidBindStatus)) }
        // The peer transmits towards us: an ESME peer needs a transmitting bind, an SMSC peer a receiving one.
        let allowedByBind = role == .smsc ? type.canTransmit : type.canReceive
        guard allowedByBind else { return .respond(error(pdu, .invalidBindStatus)) }
        return .deliverRequest(pdu)
    }

    private mutating func receivedResponse(_ pdu: PDU) -> InboundAction {
        switch state {
        case .binding(let type, let sequence) where role == .esme && pdu.sequenceNumber == sequence:
            if case .bindResponse = pdu.body, pdu.commandStatus.isOK {
                state = .bound(type)
                return .bindSucceeded(type, pdu)
            }
            if case .bindResponse = pdu.body {
                state = .open
                return .bindFailed(pdu)
            }
            if pdu.commandID == .genericNack {
                state = .open
                return .bindFailed(pdu)
            }
            return .deliverResponse(pdu)
        case .unbinding(_, let sequence) where pdu.sequenceNumber == sequence
            && (pdu.commandID == .unbindResponse || pdu.commandID == .genericNack):
            state = .closed
            return .closeAfterUnbind(pdu)
        default:
            return .deliverResponse(pdu)
        }
    }

    private func error(_ request: PDU, _ status: CommandStatus) -> PDU {
        PDU.errorResponse(to: PDUHeader(commandLength: 0, commandID: request.commandID, commandStatus: .ok,
                                        sequenceNumber: request.sequenceNumber), status: status)
    }
}
