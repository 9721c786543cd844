import Testing
@testable import SMSText

@Suite("DeliveryReceiptFormatter")
struct DeliveryReceiptFormatterTests {
    let submit = ReceiptTimestamp(year: 2024, month: 1, day: 2, hour: 15, minute: 30, second: 5)!
    let done = ReceiptTimestamp(year: 2024, month: 1, day: 2, hour: 15, minute: 31, second: 9)!

    @Test("standard appendix B text")
    func standard() {
        let text = DeliveryReceiptFormatter().format(
            id: "1A2B", state: .delivered, submitDate: submit, doneDate: done, text: "Your Example code is 123456")
        #expect(text == "id:1A2B sub:001 dlvrd:001 submit date:2401021530 done date:2401021531 stat:DELIVRD err:000 text:Your Example code is")
    }

    @Test("decimal id style, seconds, error code")
    func variants() {
        let text = DeliveryReceiptFormatter(includesSeconds: true, idStyle: .decimalFromHex).format(
            id: "1A2B", state: .undeliverable, error: 34, submitDate: submit, doneDate: done)
        #expect(text == "id:6699 sub:001 dlvrd:000 submit date:240102153005 done date:240102153109 stat:UNDELIV err:034 text:")
    }

    @Test("hex id style")
    func hexStyle() {
        #expect(MessageIDStyle.hexFromDecimal(uppercase: false, minimumDigits: 8).render("6699") == "00001a2b")
        #expect(MessageIDStyle.hexFromDecimal(uppercase: true, minimumDigits: 0).render("6699") == "1A2B")
        #expect(MessageIDStyle.decimalFromHex.render("not-hex") == "not-hex")
    }

    @Test("formatted receipts parse back, for every state and id style", arguments: DeliveryState.allCases)
    func roundTrip(state: DeliveryState) throws {
        let styles: [MessageIDStyle] = [.verbatim, .decimalFromHex, .hexFromDecimal(uppercase: true, minimumDigits: 10)]
        for style in styles {
            for seconds in [false, true] {
                let formatter = DeliveryReceiptFormatter(includesSeconds: seconds, idStyle: style)
                let id = "1234"
                let receipt = try DeliveryReceipt.parse(
                    formatter.format(id: id, state: state, error: 7, submitDate: submit, doneDate: done, text: "Hello: world"))
                #expect(receipt.state == state)
                #expect(receipt.errorValue == 7)
                #expect(receipt.text == "Hello: world")
                #expect(receipt.doneDate?.minute == 31)
                #expect(receipt.doneDate?.second == (seconds ? 9 : nil))
                #expect(MessageIDNormalizer().matches(receipt.messageID, id))
            }
        }
    }
}
