import NIOCore
import Testing
@testable import SMPP

@Suite("TLVs")
struct TLVTests {
    private func decodeDataSM(tlvBytes: String, options: SMPPCodecOptions = .default) throws -> DataSM {
        // data_sm with empty addresses, then the given TLV octets.
        let body = hex("00 00 00 00 00 00 00 00 00 00 " + tlvBytes)
        var frame = ByteBuffer()
        frame.writeInteger(UInt32(16 + body.readableBytes))
        frame.writeInteger(CommandID.dataSM.rawValue)
        frame.writeInteger(UInt32(0))
        frame.writeInteger(UInt32(1))
        frame.writeImmutableBuffer(body)
        let pdu = try PDUDecoder(options: options).decode(frame: frame)
        guard case .dataSM(let sm) = pdu.body else { throw SMPPCodecError(code: .invalidFieldValue, status: .systemError, message: "not data_sm") }
        return sm
    }

    @Test func unknownTagsAreKeptRawAndReencodedUnchanged() throws {
        let sm = try decodeDataSM(tlvBytes: "1401 0003 AABBCC  3FFF 0000")
        #expect(sm.tlvs.count == 2)
        #expect(sm.tlvs[0] == TLV(tag: TLVTag(rawValue: 0x1401), value: .octets([0xAA, 0xBB, 0xCC])))
        #expect(sm.tlvs[1] == TLV(tag: TLVTag(rawValue: 0x3FFF), value: .octets([])))
        let reencoded = try PDUEncoder().encode(PDU(sequenceNumber: 1, body: .dataSM(sm)))
        #expect(reencoded.hexString.hasSuffix("14010003AABBCC3FFF0000"))
    }

    @Test func malformedStandardTLVIsRawWhenLenientAndRejectedWhenStrict() throws {
        // sar_msg_ref_num must be 2 octets; here it has 3.
        let sm = try decodeDataSM(tlvBytes: "020C 0003 010203")
        #expect(sm.tlvs.sarMsgRefNum == nil)
        #expect(sm.tlvs[.sarMsgRefNum]?.value == .octets([1, 2, 3]))
        #expect(sm.tlvs[.sarMsgRefNum]?.isMalformedStandard == true)

        var strict = SMPPCodecOptions()
        strict.tlvValidation = .strict
        #expect {
            _ = try decodeDataSM(tlvBytes: "020C 0003 010203", options: strict)
        } throws: { error in
            (error as? SMPPCodecError)?.status == .invalidParameterLength
        }
    }

    @Test func tlvRunningPastEndIsInvalidStream() {
        #expect {
            _ = try decodeDataSM(tlvBytes: "0424 0010 41")
        } throws: { error in
            (error as? SMPPCodecError)?.status == .invalidOptionalParameterStream
        }
        #expect {
            _ = try decodeDataSM(tlvBytes: "04")
        } throws: { error in
            (error as? SMPPCodecError)?.code == .invalidTLVStream
        }
    }

    @Test func receiptedMessageIDWithoutNULStillReadable() throws {
        let sm = try decodeDataSM(tlvBytes: "001E 0004 41424344")
        #expect(sm.tlvs.receiptedMessageID == "ABCD")
    }

    @Test func sourceTelematicsIDAcceptsOneOrTwoOctets() throws {
        #expect(try decodeDataSM(tlvBytes: "0010 0001 07").tlvs.sourceTelematicsID == 7)
        #expect(try decodeDataSM(tlvBytes: "0010 0002 0102").tlvs.sourceTelematicsID == 0x0102)
    }

    @Test func everyStandardAccessorRoundTrips() throws {
        var tlvs = TLVList()
        tlvs.destAddrSubunit = 1; tlvs.destNetworkType = 2; tlvs.destBearerType = 3; tlvs.destTelematicsID = 0x0405
        tlvs.sourceAddrSubunit = 6; tlvs.sourceNetworkType = 7; tlvs.sourceBearerType = 8; tlvs.sourceTelematicsID = 0x090A
        tlvs.qosTimeToLive = 0x0B0C0D0E; tlvs.payloadType = 1; tlvs.additionalStatusInfoText = "status text"
        tlvs.receiptedMessageID = "abc123"; tlvs.msMsgWaitFacilities = 0x81; tlvs.privacyIndicator = 2
        tlvs.sourceSubaddress = [0xA0, 1, 2]; tlvs.destSubaddress = [0x80, 9]; tlvs.userMessageReference = 0xBEEF
        tlvs.userResponseCode = 9; tlvs.sourcePort = 5000; tlvs.destinationPort = 5001; tlvs.sarMsgRefNum = 77
        tlvs.languageIndicator = 1; tlvs.sarTotalSegments = 3; tlvs.sarSegmentSeqnum = 2; tlvs.scInterfaceVersion = 0x34
        tlvs.callbackNumPresInd = 1; tlvs.callbackNumAtag = [0, 0x41]; tlvs.numberOfMessages = 4
        tlvs.callbackNum = [0, 1, 1, 0x31, 0x32]; tlvs.dpfResult = 1; tlvs.setDPF = 1; tlvs.msAvailabilityStatus = 2
        tlvs.networkErrorCode = NetworkErrorCode(networkType: 3, errorCode: 1); tlvs.messagePayload = Array("payload".utf8)
        tlvs.deliveryFailureReason = 2; tlvs.moreMessagesToSend = 1; tlvs.messageState = .expired; tlvs.ussdServiceOp = 16
        tlvs.displayTime = 1; tlvs.smsSignal = 0x0102; tlvs.msValidity = 3; tlvs.alertOnMessageDelivery = true
        tlvs.itsReplyType = 4; tlvs.itsSessionInfo = [0x12, 0x34]
        #expect(tlvs.count == TLVTag.allStandard.count)
        #expect(!tlvs.contains { $0.isMalformedStandard })

        let pdu = PDU(sequenceNumber: 9, body: .dataSM(DataSM(tlvs: tlvs)))
        let decoded = try PDUDecoder().decode(frame: try PDUEncoder().encode(pdu))
        #expect(decoded == pdu)

        var strict = SMPPCodecOptions()
        strict.tlvValidation = .strict
        #expect(try PDUDecoder(options: strict).decode(frame: try PDUEncoder().encode(pdu)) == pdu)

        tlvs.alertOnMessageDelivery = false
        tlvs.messagePayload = nil
        #expect(!tlvs.contains(.alertOnMessageDelivery))
        #expect(!tlvs.contains(.messagePayload))
    }

    @Test func typedValueOfWrongKindIsRejectedOnEncode() {
        let sm = DataSM(tlvs: [TLV(tag: .sarMsgRefNum, value: .uint32(1))])
        #expect(throws: SMPPCodecError.self) { try PDUEncoder().encode(PDU(sequenceNumber: 1, body: .dataSM(sm))) }
    }
}
