import Testing
@testable import SMSText

@Suite("Delivery receipts")
struct DeliveryReceiptCorpusTests {
    @Test("corpus has at least 30 variants")
    func corpusSize() {
        #expect(receiptCorpus.count >= 30)
    }

    @Test("each corpus variant parses as expected", arguments: receiptCorpus)
    func parse(_ example: ReceiptCase) throws {
        let receipt = try DeliveryReceipt.parse(example.text, tlvs: example.tlvs)
        #expect(receipt.messageID == example.id)
        #expect(receipt.state == example.state)
        if let statusText = example.statusText { #expect(receipt.statusText == statusText) }
        #expect(receipt.submitted == example.submitted)
        #expect(receipt.delivered == example.delivered)
        #expect(receipt.submitDate == example.submitDate)
        #expect(receipt.doneDate == example.doneDate)
        #expect(receipt.errorCode == example.error)
        #expect(receipt.text == example.snippet)
        #expect(receipt.extraFields.map(\.normalizedKey) == example.extraKeys)
    }

    @Test("finality and numeric error")
    func finality() throws {
        #expect(try !DeliveryReceipt.parse("id:1 stat:ENROUTE").isFinal)
        #expect(try DeliveryReceipt.parse("id:1 stat:EXPIRED").isFinal)
        #expect(try DeliveryReceipt.parse("id:1 stat:UNDELIV err:034").errorValue == 34)
        #expect(try DeliveryReceipt.parse("id:1 stat:UNDELIV err:0x1F").errorValue == nil)
    }

    @Test("network_error_code TLV")
    func networkError() throws {
        let receipt = try DeliveryReceipt.parse("id:1 stat:UNDELIV", tlvs: ReceiptTLVValues(networkErrorCode: [0x03, 0x00, 0x22]))
        #expect(receipt.networkError == NetworkErrorCode(networkType: 3, errorCode: 34))
        #expect(receipt.networkError?.tlvValue == [0x03, 0x00, 0x22])
        #expect(NetworkErrorCode(tlvValue: [0x03, 0x00]) == nil)
    }

    @Test("raw short_message bytes")
    func bytes() throws {
        let receipt = try DeliveryReceipt.parse(shortMessage: Array("id:9 stat:DELIVRD".utf8) + [0])
        #expect(receipt.messageID == "9")
        #expect(receipt.state == .delivered)
    }

    @Test("a receipt without any id is a typed error", arguments: ["", "hello world", "stat:DELIVRD err:000", "id: stat:DELIVRD"])
    func missingID(text: String) {
        #expect(throws: SMSTextError.self) { try DeliveryReceipt.parse(text) }
        do {
            _ = try DeliveryReceipt.parse(text)
        } catch {
            #expect(error.code == "SMSTEXT_MALFORMED_RECEIPT")
        }
    }

    @Test("message_state values", arguments: Array(UInt8(0)...UInt8(10)))
    func messageStates(value: UInt8) {
        let expected: [UInt8: DeliveryState] = [
            1: .enroute, 2: .delivered, 3: .expired, 4: .deleted, 5: .undeliverable, 6: .accepted, 7: .unknown, 8: .rejected,
        ]
        #expect(DeliveryState(messageState: value) == expected[value])
        if let state = expected[value] { #expect(state.messageStateValue == value) }
    }
}
