import Testing
@testable import SMSText

/// A corpus of delivery receipt variants seen in the wild, each with its expected parse.
struct ReceiptCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var tlvs = ReceiptTLVValues()
    var id: String
    var state: DeliveryState
    var statusText: String? = nil
    var submitted: Int? = nil
    var delivered: Int? = nil
    var submitDate: ReceiptTimestamp? = nil
    var doneDate: ReceiptTimestamp? = nil
    var error: String? = nil
    var snippet: String? = nil
    var extraKeys: [String] = []

    var testDescription: String { name }
}

private func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int? = nil) -> ReceiptTimestamp? {
    ReceiptTimestamp(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
}

private let standardDates = (submit: at(2024, 1, 2, 15, 30), done: at(2024, 1, 2, 15, 31))

let receiptCorpus: [ReceiptCase] = [
    ReceiptCase(
        name: "appendix B standard",
        text: "id:1234567890 sub:001 dlvrd:001 submit date:2401021530 done date:2401021531 stat:DELIVRD err:000 text:Hello world",
        id: "1234567890", state: .delivered, statusText: "DELIVRD", submitted: 1, delivered: 1,
        submitDate: standardDates.submit, doneDate: standardDates.done, error: "000", snippet: "Hello world"),
    ReceiptCase(
        name: "capitalised Stat and Text",
        text: "id:ABC123 sub:001 dlvrd:001 submit date:2401021530 done date:2401021531 Stat:DELIVRD err:000 Text:Hi",
        id: "ABC123", state: .delivered, submitted: 1, delivered: 1, submitDate: standardDates.submit,
        doneDate: standardDates.done, error: "000", snippet: "Hi"),
    ReceiptCase(
        name: "all upper-case keys",
        text: "ID:77 SUB:001 DLVRD:000 SUBMIT DATE:2401021530 DONE DATE:2401021531 STAT:UNDELIV ERR:001 TEXT:Code",
        id: "77", state: .undeliverable, submitted: 1, delivered: 0, submitDate: standardDates.submit,
        doneDate: standardDates.done, error: "001", snippet: "Code"),
    ReceiptCase(
        name: "seconds in dates",
        text: "id:1 sub:001 dlvrd:001 submit date:240102153012 done date:240102153159 stat:DELIVRD err:000 text:x",
        id: "1", state: .delivered, submitted: 1, delivered: 1, submitDate: at(2024, 1, 2, 15, 30, 12),
        doneDate: at(2024, 1, 2, 15, 31, 59), error: "000", snippet: "x"),
    ReceiptCase(
        name: "four-digit years",
        text: "id:2 sub:001 dlvrd:001 submit date:202401021530 done date:202401021531 stat:DELIVRD err:000 text:x",
        id: "2", state: .delivered, submitted: 1, delivered: 1, submitDate: standardDates.submit,
        doneDate: standardDates.done, error: "000", snippet: "x"),
    ReceiptCase(
        name: "four-digit years with seconds",
        text: "id:3 sub:001 dlvrd:001 submit date:20240102153045 done date:20240102153100 stat:DELIVRD err:000 text:x",
        id: "3", state: .delivered, submitted: 1, delivered: 1, submitDate: at(2024, 1, 2, 15, 30, 45),
        doneDate: at(2024, 1, 2, 15, 31, 0), error: "000", snippet: "x"),
    ReceiptCase(
        name: "underscore date keys",
        text: "id:4 sub:001 dlvrd:001 submit_date:2401021530 done_date:2401021531 stat:DELIVRD err:000 text:x",
        id: "4", state: .delivered, submitted: 1, delivered: 1, submitDate: standardDates.submit,
        doneDate: standardDates.done, error: "000", snippet: "x"),
    ReceiptCase(
        name: "camel-case date keys",
        text: "id:5 SubmitDate:2401021530 DoneDate:2401021531 stat:DELIVRD",
        id: "5", state: .delivered, submitDate: standardDates.submit, doneDate: standardDates.done),
    ReceiptCase(name: "only id and stat", text: "id:42 stat:EXPIRED", id: "42", state: .expired),
    ReceiptCase(
        name: "no text field",
        text: "id:43 sub:001 dlvrd:000 submit date:2401021530 done date:2401021531 stat:UNDELIV err:034",
        id: "43", state: .undeliverable, submitted: 1, delivered: 0, submitDate: standardDates.submit,
        doneDate: standardDates.done, error: "034"),
    ReceiptCase(
        name: "empty text",
        text: "id:44 sub:001 dlvrd:001 submit date:2401021530 done date:2401021531 stat:DELIVRD err:000 text:",
        id: "44", state: .delivered, submitted: 1, delivered: 1, submitDate: standardDates.submit,
        doneDate: standardDates.done, error: "000", snippet: ""),
    ReceiptCase(
        name: "extra unknown fields before text",
        text: "id:77 sub:001 dlvrd:001 submit date:2401021530 done date:2401021531 stat:DELIVRD err:000 mcc:234 mnc:15 text:Code",
        id: "77", state: .delivered, submitted: 1, delivered: 1, submitDate: standardDates.submit,
        doneDate: standardDates.done, error: "000", snippet: "Code", extraKeys: ["mcc", "mnc"]),
    ReceiptCase(
        name: "unknown field after text stays in the text",
        text: "id:78 stat:DELIVRD err:000 text:Hello price:0.01",
        id: "78", state: .delivered, error: "000", snippet: "Hello price:0.01"),
    ReceiptCase(
        name: "extra spaces",
        text: "  id:55  sub:001   dlvrd:001 submit date:2401021530  done date:2401021531 stat:DELIVRD  err:000 text: Hi ",
        id: "55", state: .delivered, submitted: 1, delivered: 1, submitDate: standardDates.submit,
        doneDate: standardDates.done, error: "000", snippet: "Hi"),
    ReceiptCase(
        name: "space after colons", text: "id: 56 stat: DELIVRD err: 0", id: "56", state: .delivered, error: "0"),
    ReceiptCase(name: "space before colon", text: "id :57 stat :REJECTD", id: "57", state: .rejected),
    ReceiptCase(name: "four-digit err", text: "id:58 stat:UNDELIV err:1234", id: "58", state: .undeliverable, error: "1234"),
    ReceiptCase(name: "one-digit err", text: "id:59 stat:UNDELIV err:5", id: "59", state: .undeliverable, error: "5"),
    ReceiptCase(name: "hex err", text: "id:60 stat:UNDELIV err:0x1F", id: "60", state: .undeliverable, error: "0x1F"),
    ReceiptCase(
        name: "fields in another order",
        text: "stat:DELIVRD id:99 err:000 done date:2401021531 submit date:2401021530 dlvrd:001 sub:001 text:x",
        id: "99", state: .delivered, submitted: 1, delivered: 1, submitDate: standardDates.submit,
        doneDate: standardDates.done, error: "000", snippet: "x"),
    ReceiptCase(
        name: "text in the middle containing a colon",
        text: "id:100 text:Your code: 1234 stat:DELIVRD err:000",
        id: "100", state: .delivered, error: "000", snippet: "Your code: 1234"),
    ReceiptCase(name: "lowercase hex id", text: "id:a1b2c3d4e5 stat:DELIVRD", id: "a1b2c3d4e5", state: .delivered),
    ReceiptCase(
        name: "UUID id", text: "id:550e8400-e29b-41d4-a716-446655440000 stat:DELIVRD",
        id: "550e8400-e29b-41d4-a716-446655440000", state: .delivered),
    ReceiptCase(name: "leading zeros kept in id", text: "id:0012345 stat:DELIVRD", id: "0012345", state: .delivered),
    ReceiptCase(name: "long stat DELIVERED", text: "id:6 stat:DELIVERED", id: "6", state: .delivered, statusText: "DELIVERED"),
    ReceiptCase(name: "long stat UNDELIVERABLE", text: "id:7 stat:UNDELIVERABLE", id: "7", state: .undeliverable),
    ReceiptCase(name: "lower-case stat value", text: "id:8 stat:delivrd", id: "8", state: .delivered),
    ReceiptCase(name: "ENROUTE is intermediate", text: "id:9 stat:ENROUTE", id: "9", state: .enroute),
    ReceiptCase(name: "ACCEPTD", text: "id:10 stat:ACCEPTD", id: "10", state: .accepted),
    ReceiptCase(name: "DELETED", text: "id:11 stat:DELETED", id: "11", state: .deleted),
    ReceiptCase(name: "UNKNOWN", text: "id:12 stat:UNKNOWN", id: "12", state: .unknown),
    ReceiptCase(name: "REJECTED long form", text: "id:13 stat:REJECTED", id: "13", state: .rejected),
    ReceiptCase(
        name: "unrecognised stat falls back to unknown", text: "id:14 stat:FOOBAR", id: "14", state: .unknown,
        statusText: "FOOBAR"),
    ReceiptCase(
        name: "TLVs only", text: "", tlvs: ReceiptTLVValues(receiptedMessageID: "1A2B", messageState: 2), id: "1A2B",
        state: .delivered),
    ReceiptCase(
        name: "message_state TLV wins over stat",
        text: "id:6699 stat:DELIVRD", tlvs: ReceiptTLVValues(receiptedMessageID: "1A2B", messageState: 5), id: "1A2B",
        state: .undeliverable, statusText: "DELIVRD"),
    ReceiptCase(
        name: "receipted_message_id with NUL terminator",
        text: "id:26 stat:DELIVRD", tlvs: ReceiptTLVValues(receiptedMessageID: [0x31, 0x41, 0x00]), id: "1A",
        state: .delivered),
    ReceiptCase(
        name: "dates with separators",
        text: "id:15 submit date:2024-01-02 15:30:45 done date:24/01/02 15:31 stat:DELIVRD",
        id: "15", state: .delivered, submitDate: at(2024, 1, 2, 15, 30, 45), doneDate: standardDates.done),
    ReceiptCase(
        name: "unpadded counts", text: "id:16 sub:1 dlvrd:1 stat:DELIVRD", id: "16", state: .delivered, submitted: 1,
        delivered: 1),
    ReceiptCase(name: "empty date", text: "id:17 submit date: done date: stat:DELIVRD", id: "17", state: .delivered),
    ReceiptCase(name: "tab separated", text: "id:18\tsub:001\tstat:DELIVRD", id: "18", state: .delivered, submitted: 1),
    ReceiptCase(
        name: "mixed-case Done Date",
        text: "id:19 Submit Date:2401021530 Done Date:2401021531 stat:DELIVRD",
        id: "19", state: .delivered, submitDate: standardDates.submit, doneDate: standardDates.done),
    ReceiptCase(name: "no stat at all", text: "id:20 sub:001", id: "20", state: .unknown, submitted: 1),
]

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
