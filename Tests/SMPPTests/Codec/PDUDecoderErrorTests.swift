import NIOCore
import Testing
@testable import SMPP

@Suite("PDU decoder: malformed input")
struct PDUDecoderErrorTests {
    func decodeError(_ bytes: ByteBuffer, options: SMPPCodecOptions = .default) -> SMPPCodecError? {
        do {
            _ = try PDUDecoder(options: options).decode(frame: bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func shortFrameIsInvalidCommandLength() {
        let error = decodeError(hex("00000010 00000015 00000000"))
        #expect(error?.code == .invalidCommandLength)
        #expect(error?.status == .invalidCommandLength)
    }

    @Test func lengthFieldMustMatchFrame() {
        let error = decodeError(hex("00000011 00000015 00000000 00000001"))
        #expect(error?.code == .invalidCommandLength)
    }

    @Test func unknownCommandIDKeepsHeaderForGenericNack() {
        let error = decodeError(hex("00000010 00000099 00000000 0000002A"))
        #expect(error?.code == .unknownCommandID)
        #expect(error?.status == .invalidCommandID)
        #expect(error?.header?.sequenceNumber == 42)
        let nack = PDU.errorResponse(to: error!.header!, status: error!.status)
        #expect(nack.body == .genericNack)
        #expect(nack.sequenceNumber == 42)
    }

    @Test func truncatedBody() {
        // bind_transmitter whose body stops inside the password.
        let error = decodeError(hex("00000014 00000002 00000000 00000001 41004243"))
        #expect(error?.code == .truncatedBody)
        #expect(error?.status == .invalidCommandLength)
    }

    @Test func overlongSourceAddressAnswersRINVSRCADR() {
        // submit_sm with a 25-character source_addr (spec max 21 including NUL).
        var body: [UInt8] = [0]  // service_type
        body += [1, 1] + Array(String(repeating: "1", count: 25).utf8) + [0]
        body += [1, 1] + Array("123".utf8) + [0]
        body += [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]  // esm..sm_default, schedule/validity NULs among them
        body += [0]  // sm_length
        let frame = frame(commandID: 0x04, body: body)
        let error = decodeError(frame)
        #expect(error?.code == .stringTooLong)
        #expect(error?.status == .invalidSourceAddress)
        #expect(error?.field == "source_addr")
        #expect(error?.header?.commandID == .submitSM)
    }

    @Test func smLengthAbove254() {
        var body: [UInt8] = [0, 1, 1, 0x31, 0, 1, 1, 0x32, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        body += [255] + [UInt8](repeating: 0x41, count: 255)
        let error = decodeError(frame(commandID: 0x04, body: body))
        #expect(error?.status == .invalidMessageLength)
    }

    @Test func smLengthBeyondBody() {
        let body: [UInt8] = [0, 1, 1, 0x31, 0, 1, 1, 0x32, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0x41]
        let error = decodeError(frame(commandID: 0x04, body: body))
        #expect(error?.code == .truncatedBody)
    }

    @Test func badTimeFormatAnswersRINVSCHED() {
        var body: [UInt8] = [0, 1, 1, 0x31, 0, 1, 1, 0x32, 0, 0, 0, 0]
        body += Array("2501".utf8) + [0]  // schedule_delivery_time with 4 characters
        body += [0, 0, 0, 0, 0, 0]
        let error = decodeError(frame(commandID: 0x04, body: body))
        #expect(error?.status == .invalidScheduledDeliveryTime)
        var lax = SMPPCodecOptions()
        lax.strictTimeFormat = false
        #expect(decodeError(frame(commandID: 0x04, body: body), options: lax) == nil)
    }

    @Test func passwordAndSystemIDMaximaAreConfigurable() throws {
        let long = BindRequest(bindType: .transmitter, systemID: "a-very-long-system-id", password: "a-32-character-password-12345678")
        // Our encoder refuses by default...
        #expect(throws: SMPPCodecError.self) { try PDUEncoder().encode(PDU(sequenceNumber: 1, body: .bind(long))) }
        // ...and with the lenient limits both sides agree.
        let bytes = try PDUEncoder(options: .lenientCredentials).encode(PDU(sequenceNumber: 1, body: .bind(long)))
        let error = decodeError(bytes)
        #expect(error?.status == .invalidSystemID)
        let pdu = try PDUDecoder(options: .lenientCredentials).decode(frame: bytes)
        #expect(pdu.body == .bind(long))

        var passwordOnly = SMPPCodecOptions()
        passwordOnly.maxSystemIDLength = 32
        #expect(decodeError(bytes, options: passwordOnly)?.status == .invalidPassword)
    }

    @Test func errorResponsesParseWithAndWithoutBody() throws {
        let without = try PDUDecoder().decode(frame: hex("00000010 80000004 00000058 00000007"))
        #expect(without.commandStatus == .throttled)
        #expect(without.body == .submitSMResponse(SubmitSMResponse()))

        let with = try PDUDecoder().decode(frame: hex("00000013 80000004 00000045 00000007 61 62 00"))
        #expect(with.commandStatus == .submitFailed)
        #expect(with.body == .submitSMResponse(SubmitSMResponse(messageID: "ab")))

        // A garbled body on an error response degrades to an empty body, never an error.
        let garbled = try PDUDecoder().decode(frame: hex("00000014 80000003 00000067 00000007 61 62 00 FF"))
        #expect(garbled.commandStatus == .queryFailed)
        if case .querySMResponse = garbled.body {} else { Issue.record("expected query_sm_resp, got \(garbled.body)") }

        let bindError = try PDUDecoder().decode(frame: hex("00000015 80000002 0000000E 00000001 534D534300"))
        #expect(bindError.body == .bindResponse(BindResponse(bindType: .transmitter, systemID: "SMSC")))
    }

    @Test func responseMessageIDWithoutNULIsTolerated() throws {
        let pdu = try PDUDecoder().decode(frame: hex("00000013 80000004 00000000 00000001 414243"))
        #expect(pdu.body == .submitSMResponse(SubmitSMResponse(messageID: "ABC")))
    }

    @Test func trailingBytesOnBodylessRequest() {
        let error = decodeError(hex("00000011 00000015 00000000 00000001 00"))
        #expect(error?.code == .unexpectedTrailingBytes)
        #expect(error?.status == .invalidCommandLength)
    }

    @Test func invalidDestFlag() {
        let body: [UInt8] = [0, 1, 1, 0x31, 0, 1, 3]
        let error = decodeError(frame(commandID: 0x21, body: body))
        #expect(error?.status == .invalidDestinationFlag)
    }

    @Test func pduLargerThanMaximum() {
        var options = SMPPCodecOptions()
        options.maxPDUSize = 32
        let bytes = PDUVectors.deliverSMReceipt
        #expect(decodeError(bytes, options: options)?.code == .invalidCommandLength)
    }

    @Test func encoderRejectsOverlongFieldsAndLeavesBufferIntact() {
        var buffer = ByteBuffer(bytes: [0xAA])
        let sm = SubmitSM(source: .international(String(repeating: "9", count: 30)), destination: .international("1"))
        #expect(throws: SMPPCodecError.self) { try PDUEncoder().encode(PDU(sequenceNumber: 1, body: .submitSM(sm)), into: &buffer) }
        #expect(buffer.readableBytes == 1)
        let long = SubmitSM(source: .international("1"), destination: .international("2"), shortMessage: [UInt8](repeating: 0, count: 255))
        #expect(throws: SMPPCodecError.self) { try PDUEncoder().encode(PDU(sequenceNumber: 1, body: .submitSM(long)), into: &buffer) }
        let nonLatin = SubmitSM(source: SMPPAddress(alphanumeric: "Hérald€"), destination: .international("2"))
        #expect(throws: SMPPCodecError.self) { try PDUEncoder().encode(PDU(sequenceNumber: 1, body: .submitSM(nonLatin)), into: &buffer) }
        #expect(buffer.readableBytes == 1)
    }

    @Test func latin1OctetsRoundTrip() throws {
        let sm = SubmitSM(source: SMPPAddress(alphanumeric: "Caf\u{E9}"), destination: .international("1"))
        let bytes = try PDUEncoder().encode(PDU(sequenceNumber: 1, body: .submitSM(sm)))
        #expect(bytes.readableBytesView.contains(0xE9))
        let decoded = try PDUDecoder().decode(frame: bytes)
        #expect(decoded.body == .submitSM(sm))
    }

    private func frame(commandID: UInt32, status: UInt32 = 0, sequence: UInt32 = 1, body: [UInt8]) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInteger(UInt32(16 + body.count))
        buffer.writeInteger(commandID)
        buffer.writeInteger(status)
        buffer.writeInteger(sequence)
        buffer.writeBytes(body)
        return buffer
    }
}
