import HeraldCore
import SMPP
import SMSText
import Testing
@testable import HeraldCustomerSMPP

@Suite struct ReceiptDeliverSMBuilderTests {
    let submitted = Timestamp(millisecondsSince1970: 1_767_225_600_000)  // 2026-01-01T00:00:00Z

    @Test func deliveredReceiptHasTheStandardTextAndTLVs() throws {
        let id = MessageID(unchecked: "msg_01kdvdna00aafgy4tqcx94f573")
        let report = DeliveryReport(
            messageID: id, to: "+4915123456789", from: "Acme", status: .delivered, errorCode: nil, submittedAt: submitted,
            doneAt: submitted.adding(seconds: 95), parts: 3)
        let sm = ReceiptDeliverSMBuilder.deliverSM(for: report, dataCodingZero: .gsm7Unpacked)
        #expect(sm.esmClass.rawValue == 0x04)
        #expect(sm.source == .international("4915123456789"))
        #expect(sm.destination == SMPPAddress(alphanumeric: "Acme"))
        #expect(sm.dataCoding == .ia5)
        #expect(String(decoding: sm.shortMessage, as: UTF8.self)
            == "id:msg_01kdvdna00aafgy4tqcx94f573 sub:003 dlvrd:003 submit date:2601010000 done date:2601010001 stat:DELIVRD err:000 text:")
        #expect(sm.tlvs.receiptedMessageID == id.rawValue)
        #expect(sm.tlvs.messageState == .delivered)
        // It parses as a receipt with the same id and state.
        let parsed = try DeliveryReceipt.parse(shortMessage: sm.shortMessage)
        #expect(parsed.messageID == id.rawValue)
        #expect(parsed.state == .delivered)
    }

    @Test func failuresCarryTheCarrierErrorAndState() {
        let report = DeliveryReport(
            messageID: MessageID(unchecked: "msg_01kdvdna00aafgy4tqcx94f573"), to: "+4915123456789", from: "+15550001", status: .undelivered,
            errorCode: "carrier_undelivered_011", submittedAt: submitted, doneAt: submitted, parts: 1)
        let sm = ReceiptDeliverSMBuilder.deliverSM(for: report, dataCodingZero: .ia5)
        let text = String(decoding: sm.shortMessage, as: UTF8.self)
        #expect(text.contains("sub:001 dlvrd:000"))
        #expect(text.contains("stat:UNDELIV err:011"))
        #expect(sm.tlvs.messageState == .undeliverable)
        #expect(sm.destination == .international("15550001"))
        #expect(sm.dataCoding == .smscDefault)
        #expect(ReceiptDeliverSMBuilder.errorValue("no_route") == 0)
        #expect(ReceiptDeliverSMBuilder.deliveryState(for: .failed) == .undeliverable)
        #expect(ReceiptDeliverSMBuilder.messageState(for: .expired) == .expired)
        #expect(ReceiptDeliverSMBuilder.messageState(for: .rejected) == .rejected)
    }

    @Test func utcTimeFields() {
        #expect(UTCTime(Timestamp(millisecondsSince1970: 951_782_400_000)).smppAbsolute == "000229000000000+")  // 2000-02-29
        #expect(UTCTime(Timestamp(millisecondsSince1970: 1_767_225_599_000)).smppAbsolute == "251231235959000+")
    }
}
