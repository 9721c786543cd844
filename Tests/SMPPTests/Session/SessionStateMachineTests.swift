import Testing
@testable import SMPP

@Suite("Session state machine")
struct SessionStateMachineTests {
    let submit = PDU(sequenceNumber: 10, body: .submitSM(SubmitSM(source: .international("1"), destination: .international("2"))))
    let deliver = PDU(sequenceNumber: 11, body: .deliverSM(DeliverSM()))

    func boundESME(_ type: BindType) -> SessionStateMachine {
        var machine = SessionStateMachine(role: .esme)
        _ = machine.bindRequested(BindRequest(bindType: type, systemID: "a", password: "b"), sequenceNumber: 1)
        _ = machine.received(PDU(sequenceNumber: 1, body: .bindResponse(BindResponse(bindType: type, systemID: "S"))))
        return machine
    }

    func boundSMSC(_ type: BindType) -> SessionStateMachine {
        var machine = SessionStateMachine(role: .smsc)
        _ = machine.received(PDU(sequenceNumber: 1, body: .bind(BindRequest(bindType: type, systemID: "a", password: "b"))))
        _ = machine.bindDecided(sequenceNumber: 1, response: PDU(sequenceNumber: 1, body: .bindResponse(BindResponse(bindType: type))))
        return machine
    }

    @Test func esmeBindSuccess() {
        var machine = SessionStateMachine(role: .esme)
        let bind = BindRequest(bindType: .transceiver, systemID: "a", password: "b")
        #expect(machine.bindRequested(bind, sequenceNumber: 1) == .send(PDU(sequenceNumber: 1, body: .bind(bind))))
        #expect(machine.state == .binding(.transceiver, sequenceNumber: 1))
        // A second bind while binding is refused.
        #expect(machine.bindRequested(bind, sequenceNumber: 2) == .reject(.alreadyBound))
        let response = PDU(sequenceNumber: 1, body: .bindResponse(BindResponse(bindType: .transceiver, systemID: "S")))
        #expect(machine.received(response) == .bindSucceeded(.transceiver, response))
        #expect(machine.state == .bound(.transceiver))
    }

    @Test func esmeBindRejectedReturnsToOpen() {
        var machine = SessionStateMachine(role: .esme)
        _ = machine.bindRequested(BindRequest(bindType: .transmitter, systemID: "a", password: "b"), sequenceNumber: 5)
        let response = PDU(commandStatus: .invalidPassword, sequenceNumber: 5, body: .bindResponse(BindResponse(bindType: .transmitter)))
        #expect(machine.received(response) == .bindFailed(response))
        #expect(machine.state == .open)

        _ = machine.bindRequested(BindRequest(bindType: .transmitter, systemID: "a", password: "b"), sequenceNumber: 6)
        let nack = PDU(commandStatus: .invalidCommandID, sequenceNumber: 6, body: .genericNack)
        #expect(machine.received(nack) == .bindFailed(nack))
        #expect(machine.state == .open)
    }

    @Test func deliverBeforeBindIsRINVBNDSTS() {
        var machine = SessionStateMachine(role: .esme)
        #expect(machine.received(deliver) == .respond(PDU(commandStatus: .invalidBindStatus, sequenceNumber: 11, body: .deliverSMResponse(DeliverSMResponse()))))
    }

    @Test func deliverOnTransmitterBindIsRINVBNDSTS() {
        var machine = boundESME(.transmitter)
        #expect(machine.received(deliver) == .respond(PDU(commandStatus: .invalidBindStatus, sequenceNumber: 11, body: .deliverSMResponse(DeliverSMResponse()))))
        var receiver = boundESME(.receiver)
        #expect(receiver.received(deliver) == .deliverRequest(deliver))
        var transceiver = boundESME(.transceiver)
        #expect(transceiver.received(deliver) == .deliverRequest(deliver))
    }

    @Test func submitOnReceiverBindIsRINVBNDSTS() {
        var machine = boundSMSC(.receiver)
        #expect(machine.received(submit) == .respond(PDU(commandStatus: .invalidBindStatus, sequenceNumber: 10, body: .submitSMResponse(SubmitSMResponse()))))
        var transmitter = boundSMSC(.transmitter)
        #expect(transmitter.received(submit) == .deliverRequest(submit))
    }

    @Test func submitBeforeBindIsRINVBNDSTS() {
        var machine = SessionStateMachine(role: .smsc)
        #expect(machine.received(submit) == .respond(PDU(commandStatus: .invalidBindStatus, sequenceNumber: 10, body: .submitSMResponse(SubmitSMResponse()))))
    }

    @Test func everySMSCBoundRequestNeedsTransmitBind() {
        let requests: [PDU.Body] = [
            .submitSM(SubmitSM(source: SMPPAddress(), destination: SMPPAddress())),
            .submitMulti(SubmitMulti(source: SMPPAddress(), destinations: [])),
            .dataSM(DataSM()), .querySM(QuerySM(messageID: "1")), .cancelSM(CancelSM(messageID: "1")),
            .replaceSM(ReplaceSM(messageID: "1")),
        ]
        for body in requests {
            let pdu = PDU(sequenceNumber: 3, body: body)
            var rx = boundSMSC(.receiver)
            guard case .respond(let response) = rx.received(pdu) else {
                Issue.record("\(body.commandID) on receiver bind was not refused")
                continue
            }
            #expect(response.commandStatus == .invalidBindStatus)
            #expect(response.commandID == body.commandID.responseID)
            var trx = boundSMSC(.transceiver)
            #expect(trx.received(pdu) == .deliverRequest(pdu))
        }
    }

    @Test func wrongDirectionRequestsAreRINVCMDID() {
        var smsc = boundSMSC(.transceiver)
        guard case .respond(let r1) = smsc.received(deliver) else { Issue.record("deliver_sm towards SMSC accepted"); return }
        #expect(r1.commandStatus == .invalidCommandID)
        var esme = boundESME(.transceiver)
        guard case .respond(let r2) = esme.received(submit) else { Issue.record("submit_sm towards ESME accepted"); return }
        #expect(r2.commandStatus == .invalidCommandID)
    }

    @Test func enquireLinkAnsweredInAnyOpenState() {
        var machine = SessionStateMachine(role: .esme)
        let ping = PDU(sequenceNumber: 77, body: .enquireLink)
        #expect(machine.received(ping) == .respond(PDU(sequenceNumber: 77, body: .enquireLinkResponse)))
        var bound = boundSMSC(.receiver)
        #expect(bound.received(ping) == .respond(PDU(sequenceNumber: 77, body: .enquireLinkResponse)))
    }

    @Test func smscBindFlow() {
        var machine = SessionStateMachine(role: .smsc)
        let bind = BindRequest(bindType: .receiver, systemID: "acme", password: "pw")
        #expect(machine.received(PDU(sequenceNumber: 4, body: .bind(bind))) == .authenticate(bind, sequenceNumber: 4))
        // A second bind while authenticating.
        guard case .respond(let busy) = machine.received(PDU(sequenceNumber: 5, body: .bind(bind))) else {
            Issue.record("second bind accepted"); return
        }
        #expect(busy.commandStatus == .invalidBindStatus)
        // Rejection keeps the session open for another attempt.
        let reject = PDU(commandStatus: .invalidPassword, sequenceNumber: 4, body: .bindResponse(BindResponse(bindType: .receiver)))
        #expect(machine.bindDecided(sequenceNumber: 4, response: reject) == .send(reject))
        #expect(machine.state == .open)
        _ = machine.received(PDU(sequenceNumber: 6, body: .bind(bind)))
        let accept = PDU(sequenceNumber: 6, body: .bindResponse(BindResponse(bindType: .receiver, systemID: "SMSC")))
        #expect(machine.bindDecided(sequenceNumber: 6, response: accept) == .send(accept))
        #expect(machine.state == .bound(.receiver))
        // Already bound.
        guard case .respond(let again) = machine.received(PDU(sequenceNumber: 7, body: .bind(bind))) else {
            Issue.record("bind while bound accepted"); return
        }
        #expect(again.commandStatus == .alreadyBound)
        #expect(machine.canSend(.deliverSM))
        #expect(!machine.canSend(.submitSM))
    }

    @Test func peerUnbind() {
        var machine = boundESME(.transceiver)
        let unbind = PDU(sequenceNumber: 9, body: .unbind)
        #expect(machine.received(unbind) == .respondAndClose(PDU(sequenceNumber: 9, body: .unbindResponse)))
        #expect(machine.state == .closed)
        #expect(machine.received(deliver) == .ignore)
    }

    @Test func unbindBeforeBindIsRINVBNDSTS() {
        var machine = SessionStateMachine(role: .smsc)
        #expect(machine.received(PDU(sequenceNumber: 2, body: .unbind)) == .respond(PDU(commandStatus: .invalidBindStatus, sequenceNumber: 2, body: .unbindResponse)))
    }

    @Test func localUnbind() {
        var machine = boundESME(.transmitter)
        #expect(machine.canSend(.submitSM))
        #expect(machine.unbindRequested(sequenceNumber: 20) == .send(PDU(sequenceNumber: 20, body: .unbind)))
        #expect(machine.state == .unbinding(.transmitter, sequenceNumber: 20))
        #expect(!machine.canSend(.submitSM))
        #expect(machine.unbindRequested(sequenceNumber: 21) == .reject(.unbinding))
        // Responses to earlier requests still flow while unbinding.
        let late = PDU(sequenceNumber: 19, body: .submitSMResponse(SubmitSMResponse(messageID: "x")))
        #expect(machine.received(late) == .deliverResponse(late))
        let done = PDU(sequenceNumber: 20, body: .unbindResponse)
        #expect(machine.received(done) == .closeAfterUnbind(done))
        #expect(machine.state == .closed)
    }

    @Test func unbindWhenNotBoundJustCloses() {
        var machine = SessionStateMachine(role: .esme)
        #expect(machine.unbindRequested(sequenceNumber: 1) == .close)
        #expect(machine.state == .closed)
    }

    @Test func canSendMatrix() {
        let esmeTX = boundESME(.transmitter)
        #expect(esmeTX.canSend(.submitSM) && esmeTX.canSend(.dataSM) && esmeTX.canSend(.querySM) && esmeTX.canSend(.enquireLink))
        #expect(!esmeTX.canSend(.deliverSM))
        let esmeRX = boundESME(.receiver)
        #expect(!esmeRX.canSend(.submitSM) && !esmeRX.canSend(.dataSM) && esmeRX.canSend(.enquireLink))
        let smscRX = boundSMSC(.receiver)
        #expect(smscRX.canSend(.deliverSM) && smscRX.canSend(.dataSM) && smscRX.canSend(.alertNotification))
        let smscTX = boundSMSC(.transmitter)
        #expect(!smscTX.canSend(.deliverSM) && !smscTX.canSend(.dataSM))
        let open = SessionStateMachine(role: .esme)
        #expect(!open.canSend(.submitSM) && !open.canSend(.enquireLink))
    }
}
