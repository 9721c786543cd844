import NIOCore
import Testing
@testable import SMPP

@Suite("PDU byte vectors")
struct PDUVectorTests {
    @Test("every vector decodes to its value", arguments: PDUVectors.all.map(\.name))
    func decodes(name: String) throws {
        let vector = try #require(PDUVectors.all.first { $0.name == name })
        let decoded = try PDUDecoder().decode(frame: vector.bytes)
        #expect(decoded == vector.pdu)
    }

    @Test("every value encodes to its vector", arguments: PDUVectors.all.map(\.name))
    func encodes(name: String) throws {
        let vector = try #require(PDUVectors.all.first { $0.name == name })
        let encoded = try PDUEncoder().encode(vector.pdu)
        #expect(encoded.hexString == vector.bytes.hexString)
    }

    @Test func vectorsCoverEveryCommandID() {
        let covered = Set(PDUVectors.all.map(\.pdu.commandID))
        let missing = CommandID.allKnown.filter { !covered.contains($0) }
        #expect(missing.isEmpty, "no vector for \(missing)")
    }

    @Test func typedAccessorsReadVectorTLVs() throws {
        let pdu = try PDUDecoder().decode(frame: PDUVectors.deliverSMReceipt)
        guard case .deliverSM(let sm) = pdu.body else {
            Issue.record("expected deliver_sm, got \(pdu.body)")
            return
        }
        #expect(sm.esmClass.isDeliveryReceipt)
        #expect(sm.tlvs.receiptedMessageID == "0A1B2C3D")
        #expect(sm.tlvs.messageState == .delivered)

        let submit = try PDUDecoder().decode(frame: PDUVectors.submitSM)
        guard case .submitSM(let s) = submit.body else {
            Issue.record("expected submit_sm")
            return
        }
        #expect(s.tlvs.sarMsgRefNum == 0x1234)
        #expect(s.tlvs.sarTotalSegments == 2)
        #expect(s.tlvs.sarSegmentSeqnum == 1)
        #expect(s.tlvs[TLVTag(rawValue: 0x1400)]?.value == .octets([1, 2, 3]))
        #expect(s.esmClass.hasUDH)

        let dataResp = try PDUDecoder().decode(frame: PDUVectors.dataSMResponse)
        guard case .dataSMResponse(let r) = dataResp.body else {
            Issue.record("expected data_sm_resp")
            return
        }
        #expect(r.tlvs.networkErrorCode == NetworkErrorCode(networkType: 3, errorCode: 0x22))
        #expect(r.tlvs.deliveryFailureReason == 1)
    }
}
