import NIOCore
import NIOEmbedded
import Testing
@testable import SMPP

@Suite("SMPP channel handler (EmbeddedChannel)")
struct SMPPChannelHandlerTests {
    func esmeConfig(window: Int = 3) -> SMPPConnectionConfiguration {
        var c = SMPPConnectionConfiguration(role: .esme)
        c.windowSize = window
        c.responseTimeout = .seconds(10)
        c.enquireLinkInterval = .seconds(30)
        c.inboundResponseTimeout = .seconds(5)
        return c
    }

    @Test func bindThenBatchedSubmitsRespectTheWindow() throws {
        let e = try EmbeddedConnection(esmeConfig(window: 3))
        try e.bindESME()
        #expect(e.recorder.boundTypes == [.transceiver])

        // Five requests queued in one batch: the window lets three out, in ONE write + flush.
        for i in 1...5 {
            e.connection.enqueue(.request(id: UInt64(i), body: submitBody("m\(i)"), sink: .promise(e.loop.makePromise())))
        }
        e.loop.run()
        let batches = try e.writtenBatches()
        #expect(batches.count == 1)
        #expect(batches.first?.count == 3)
        let sequences = batches.first?.map(\.sequenceNumber) ?? []
        #expect(Set(sequences).count == 3)

        // One response frees one slot; the response read and the next submit share a flush.
        try e.receive(PDU(sequenceNumber: sequences[0], body: .submitSMResponse(SubmitSMResponse(messageID: "id1"))))
        let next = try e.written()
        #expect(next.count == 1)
        #expect(next.first?.commandID == .submitSM)
    }

    @Test func responseCompletesTheRightRequestOutOfOrder() throws {
        let e = try EmbeddedConnection(esmeConfig())
        try e.bindESME()
        let first = e.request(submitBody("a"), id: 1)
        let second = e.request(submitBody("b"), id: 2)
        let sent = try e.written()
        #expect(sent.count == 2)
        try e.receive(
            PDU(sequenceNumber: sent[1].sequenceNumber, body: .submitSMResponse(SubmitSMResponse(messageID: "B"))),
            PDU(commandStatus: .invalidDestinationAddress, sequenceNumber: sent[0].sequenceNumber, body: .submitSMResponse(SubmitSMResponse())))
        #expect(try second.wait().body == .submitSMResponse(SubmitSMResponse(messageID: "B")))
        #expect(try first.wait().commandStatus == .invalidDestinationAddress)
    }

    @Test func submitBeforeBindFailsNotBound() throws {
        let e = try EmbeddedConnection(esmeConfig())
        let future = e.request(submitBody(), id: 1)
        #expect(future.smppError()?.code == .notBound)
        #expect(try e.written().isEmpty)
    }

    @Test func answersPeerEnquireLink() throws {
        let e = try EmbeddedConnection(esmeConfig())
        try e.bindESME()
        try e.receive(PDU(sequenceNumber: 500, body: .enquireLink))
        #expect(try e.written() == [PDU(sequenceNumber: 500, body: .enquireLinkResponse)])
    }

    @Test func deliverSMIsHandedUpAndAnsweredByTheApplication() throws {
        let e = try EmbeddedConnection(esmeConfig())
        try e.bindESME(.receiver)
        try e.receive(PDU(sequenceNumber: 42, body: .deliverSM(DeliverSM(esmClass: .deliveryReceipt))))
        // Nothing is answered until the application decides.
        #expect(try e.written().isEmpty)
        let request = try #require(e.recorder.requests.first)
        #expect(request.pdu.sequenceNumber == 42)
        #expect(request.responder.respond(status: .ok, body: nil))
        #expect(!request.responder.respond(status: .ok, body: nil))  // only once
        e.loop.run()
        #expect(try e.written() == [PDU(sequenceNumber: 42, body: .deliverSMResponse(DeliverSMResponse()))])
    }

    @Test func unansweredInboundRequestGetsTimeoutStatus() throws {
        let e = try EmbeddedConnection(esmeConfig())
        try e.bindESME(.receiver)
        try e.receive(PDU(sequenceNumber: 7, body: .deliverSM(DeliverSM())))
        e.loop.advanceTime(by: .seconds(6))
        #expect(try e.written() == [PDU(commandStatus: .receiverTemporaryAppError, sequenceNumber: 7, body: .deliverSMResponse(DeliverSMResponse()))])
        // The application's late answer is refused.
        #expect(e.recorder.requests.first?.responder.respond(status: .ok, body: nil) == false)
    }

    @Test func inboundWindowFullAnswersThrottled() throws {
        var config = esmeConfig()
        config.inboundWindow = 2
        let e = try EmbeddedConnection(config)
        try e.bindESME(.receiver)
        try e.receive(PDU(sequenceNumber: 1, body: .deliverSM(DeliverSM())),
                      PDU(sequenceNumber: 2, body: .deliverSM(DeliverSM())),
                      PDU(sequenceNumber: 3, body: .deliverSM(DeliverSM())))
        #expect(try e.written() == [PDU(commandStatus: .throttled, sequenceNumber: 3, body: .deliverSMResponse(DeliverSMResponse()))])
        #expect(e.recorder.requests.count == 2)
    }

    @Test func autoRespondAnswersImmediately() throws {
        var config = esmeConfig()
        config.inboundAutoRespond = true
        let e = try EmbeddedConnection(config)
        try e.bindESME(.receiver)
        try e.receive(PDU(sequenceNumber: 9, body: .deliverSM(DeliverSM())))
        #expect(try e.written() == [PDU(sequenceNumber: 9, body: .deliverSMResponse(DeliverSMResponse()))])
        #expect(e.recorder.requests.first?.responder.respond(status: .ok, body: nil) == false)
    }

    @Test func responseTimeout() throws {
        let e = try EmbeddedConnection(esmeConfig())
        try e.bindESME()
        let future = e.request(submitBody(), id: 1)
        e.loop.advanceTime(by: .seconds(9))
        #expect(!future.isResolved)
        e.loop.advanceTime(by: .seconds(2))
        #expect(future.smppError()?.code == .responseTimeout)
        #expect(future.smppError()?.outcomeUnknown == true)
    }

    @Test func idleLinkSendsEnquireLinkAndClosesWhenUnanswered() throws {
        let e = try EmbeddedConnection(esmeConfig())
        try e.bindESME()
        e.loop.advanceTime(by: .seconds(31))
        let sent = try e.written()
        #expect(sent.map(\.commandID) == [.enquireLink])
        // Answered: the link stays up.
        try e.receive(PDU(sequenceNumber: sent[0].sequenceNumber, body: .enquireLinkResponse))
        e.loop.advanceTime(by: .seconds(31))
        let again = try e.written()
        #expect(again.map(\.commandID) == [.enquireLink])
        // Unanswered for the response timeout: closed as connection lost.
        e.loop.advanceTime(by: .seconds(11))
        #expect(e.recorder.closedReasons.first??.code == .connectionLost)
        #expect(!e.channel.isActive)
    }

    @Test func invalidFramingAnswersGenericNackAndCloses() throws {
        let e = try EmbeddedConnection(esmeConfig())
        try e.bindESME()
        let pending = e.request(submitBody(), id: 1)
        _ = try e.written()
        try e.receiveRaw(hex("00000008 00000004 00000000 00000003"))
        #expect(try e.written() == [PDU(commandStatus: .invalidCommandLength, sequenceNumber: 3, body: .genericNack)])
        #expect(!e.channel.isActive)
        #expect(e.recorder.closedReasons.first??.code == .protocolError)
        #expect(pending.smppError()?.code == .connectionLost)
    }

    @Test func unknownCommandGetsGenericNackAndSessionContinues() throws {
        let e = try EmbeddedConnection(esmeConfig())
        try e.bindESME()
        try e.receiveRaw(hex("00000010 00000077 00000000 00000011"))
        #expect(try e.written() == [PDU(commandStatus: .invalidCommandID, sequenceNumber: 0x11, body: .genericNack)])
        #expect(e.channel.isActive)
    }

    @Test func malformedSubmitGetsTypedErrorResponse() throws {
        var config = SMPPConnectionConfiguration(role: .smsc)
        config.enquireLinkInterval = nil
        let e = try EmbeddedConnection(config)
        // submit_sm whose source_addr is 30 characters.
        var body: [UInt8] = [0, 1, 1] + Array(String(repeating: "7", count: 30).utf8) + [0]
        body += [1, 1, 0x32, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        var frame = ByteBuffer()
        frame.writeInteger(UInt32(16 + body.count)); frame.writeInteger(UInt32(4)); frame.writeInteger(UInt32(0)); frame.writeInteger(UInt32(5))
        frame.writeBytes(body)
        try e.receiveRaw(frame)
        #expect(try e.written() == [PDU(commandStatus: .invalidSourceAddress, sequenceNumber: 5, body: .submitSMResponse(SubmitSMResponse()))])
    }

    @Test func throttledSubmitIsRetriedAfterPause() throws {
        var config = esmeConfig()
        config.throttle = ThrottlePolicy(initialDelay: .milliseconds(500), maxDelay: .seconds(5), maxRetries: 3)
        let e = try EmbeddedConnection(config)
        try e.bindESME()
        let future = e.request(submitBody("x"), id: 1)
        let first = try e.written()
        try e.receive(PDU(commandStatus: .throttled, sequenceNumber: first[0].sequenceNumber, body: .submitSMResponse(SubmitSMResponse())))
        #expect(try e.written().isEmpty)
        #expect(!future.isResolved)
        e.loop.advanceTime(by: .milliseconds(500))
        let retry = try e.written()
        #expect(retry.count == 1)
        #expect(retry.first?.body == first.first?.body)
        #expect(retry.first?.sequenceNumber != first.first?.sequenceNumber)
        try e.receive(PDU(sequenceNumber: retry[0].sequenceNumber, body: .submitSMResponse(SubmitSMResponse(messageID: "ok"))))
        #expect(try future.wait().body == .submitSMResponse(SubmitSMResponse(messageID: "ok")))
    }

    @Test func gracefulUnbindDrainsThenUnbinds() throws {
        let e = try EmbeddedConnection(esmeConfig())
        try e.bindESME()
        let inFlight = e.request(submitBody(), id: 1)
        let sent = try e.written()
        e.connection.enqueue(.unbind(drainTimeout: .seconds(5)))
        e.loop.run()
        #expect(try e.written().isEmpty)  // waits for the outstanding response
        // New requests are refused while draining.
        #expect(e.request(submitBody(), id: 2).smppError()?.code == .shutdown)
        try e.receive(PDU(sequenceNumber: sent[0].sequenceNumber, body: .submitSMResponse(SubmitSMResponse(messageID: "m"))))
        #expect(try inFlight.wait().commandStatus == .ok)
        let unbind = try e.written()
        #expect(unbind.map(\.commandID) == [.unbind])
        try e.receive(PDU(sequenceNumber: unbind[0].sequenceNumber, body: .unbindResponse))
        #expect(!e.channel.isActive)
        #expect(e.recorder.closedReasons.count == 1)
        #expect(e.recorder.closedReasons.first! == nil)
    }

    @Test func peerUnbindFailsOutstandingAsConnectionLost() throws {
        let e = try EmbeddedConnection(esmeConfig())
        try e.bindESME()
        let future = e.request(submitBody(), id: 1)
        _ = try e.written()
        try e.receive(PDU(sequenceNumber: 99, body: .unbind))
        #expect(try e.written() == [PDU(sequenceNumber: 99, body: .unbindResponse)])
        #expect(!e.channel.isActive)
        #expect(future.smppError()?.code == .connectionLost)
        #expect(e.request(submitBody(), id: 2).smppError()?.code == .notBound)
    }

    @Test func smscAuthenticatesAppliesLimitsAndDelivers() throws {
        var config = SMPPConnectionConfiguration(role: .smsc)
        config.enquireLinkInterval = nil
        let e = try EmbeddedConnection(config)
        try e.receive(PDU(sequenceNumber: 1, body: .bind(BindRequest(bindType: .transceiver, systemID: "acme", password: "pw"))))
        guard case .authenticate(let bind, let seq) = e.recorder.events.first else {
            Issue.record("expected authenticate event"); return
        }
        #expect(bind.systemID == "acme")
        e.connection.decideBind(sequenceNumber: seq, response: PDU(sequenceNumber: seq, body: .bindResponse(BindResponse(bindType: .transceiver, systemID: "SMSC"))),
                                limits: SMPPSessionLimits(maxInFlight: 1))
        e.loop.run()
        #expect(try e.written() == [PDU(sequenceNumber: 1, body: .bindResponse(BindResponse(bindType: .transceiver, systemID: "SMSC")))])
        #expect(e.recorder.boundTypes == [.transceiver])

        // maxInFlight 1: the second unanswered submit is throttled.
        try e.receive(PDU(sequenceNumber: 2, body: submitBody()), PDU(sequenceNumber: 3, body: submitBody()))
        #expect(try e.written() == [PDU(commandStatus: .throttled, sequenceNumber: 3, body: .submitSMResponse(SubmitSMResponse()))])

        // Push a deliver_sm and get its response.
        let delivered = e.request(.deliverSM(DeliverSM(source: .international("1"), destination: .international("2"))), id: 10)
        let push = try e.written()
        #expect(push.map(\.commandID) == [.deliverSM])
        try e.receive(PDU(sequenceNumber: push[0].sequenceNumber, body: .deliverSMResponse(DeliverSMResponse())))
        #expect(try delivered.wait().commandStatus == .ok)
    }

    @Test func smscTPSLimit() throws {
        var config = SMPPConnectionConfiguration(role: .smsc)
        config.enquireLinkInterval = nil
        let e = try EmbeddedConnection(config)
        try e.receive(PDU(sequenceNumber: 1, body: .bind(BindRequest(bindType: .transmitter, systemID: "a", password: "b"))))
        e.connection.decideBind(sequenceNumber: 1, response: PDU(sequenceNumber: 1, body: .bindResponse(BindResponse(bindType: .transmitter))),
                                limits: SMPPSessionLimits(maxInFlight: 100, maxTPS: 2))
        e.loop.run()
        _ = try e.written()
        try e.receive(PDU(sequenceNumber: 2, body: submitBody()), PDU(sequenceNumber: 3, body: submitBody()), PDU(sequenceNumber: 4, body: submitBody()))
        #expect(try e.written() == [PDU(commandStatus: .throttled, sequenceNumber: 4, body: .submitSMResponse(SubmitSMResponse()))])
        #expect(e.recorder.requests.count == 2)
    }

    @Test func smscClosesSessionsThatNeverBind() throws {
        var config = SMPPConnectionConfiguration(role: .smsc)
        config.bindTimeout = .seconds(3)
        let e = try EmbeddedConnection(config)
        e.loop.advanceTime(by: .seconds(2))
        #expect(e.channel.isActive)
        e.loop.advanceTime(by: .seconds(2))
        #expect(!e.channel.isActive)
    }
}
