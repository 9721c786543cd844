import Testing
@testable import HeraldCore
import HeraldTestSupport

@Suite struct ReceiptApplicationTests {
    let now = Timestamp(millisecondsSince1970: 1_767_225_600_000)

    func message(parts: Int) -> Message {
        let random = SequenceRandomSource()
        var message = Message(
            id: MessageID.generate(at: now, random: random), accountID: AccountID.generate(at: now, random: random), to: "+4915123456789",
            from: "Herald", body: "hi", bodyPolicy: .retained, status: .queued, clientReference: nil, callbackURL: nil,
            validUntil: now.adding(seconds: 3600), sendAt: now, createdAt: now, destination: Destination(regionCode: "DE", countryCallingCode: 49),
            encoding: "gsm7", partCount: parts, channel: .http, concatenationReference: 7,
            history: [StatusChange(status: .accepted, at: now), StatusChange(status: .queued, at: now)], originNode: "n1")
        message.transition(to: .submitted, at: now)
        return message
    }

    func parts(_ message: Message, count: Int) -> [MessagePart] {
        (1...count).map { MessagePart(messageID: message.id, sequence: $0, linkID: "sim", carrierMessageID: "id\($0)", lookupKey: "id\($0)", submittedAt: now) }
    }

    func receipt(_ key: String, _ state: PartState, error: String? = nil) -> ReceiptRecord {
        ReceiptRecord(linkID: "sim", carrierMessageID: key, lookupKeys: [key], state: state, errorCode: error, doneAt: nil, receivedAt: now)
    }

    @Test func deliveredOnlyWhenEveryPartIsDelivered() {
        var message = message(parts: 2)
        var parts = parts(message, count: 2)
        #expect(!ReceiptApplication.apply(receipt("id1", .delivered), to: &message, parts: &parts, at: now))
        #expect(message.status == .submitted)
        #expect(ReceiptApplication.apply(receipt("id2", .delivered), to: &message, parts: &parts, at: now))
        #expect(message.status == .delivered)
        #expect(message.history.last?.status == .delivered)
    }

    @Test func oneUndeliverablePartMakesTheMessageUndelivered() {
        var message = message(parts: 3)
        var parts = parts(message, count: 3)
        ReceiptApplication.apply(receipt("id2", .undelivered, error: "001"), to: &message, parts: &parts, at: now)
        #expect(message.status == .undelivered)
        #expect(message.error?.code == "carrier_undelivered_001")
    }

    @Test func finalMessagesIgnoreLateAndDuplicateReceipts() {
        var message = message(parts: 1)
        var parts = parts(message, count: 1)
        ReceiptApplication.apply(receipt("id1", .expired), to: &message, parts: &parts, at: now)
        #expect(message.status == .expired)
        #expect(!ReceiptApplication.apply(receipt("id1", .delivered), to: &message, parts: &parts, at: now))
        #expect(message.status == .expired)
        #expect(parts[0].state == .expired)
    }

    @Test func receiptsFromAnotherLinkDoNotMatch() {
        var message = message(parts: 1)
        var parts = parts(message, count: 1)
        var foreign = receipt("id1", .delivered)
        foreign.linkID = "other"
        #expect(!ReceiptApplication.apply(foreign, to: &message, parts: &parts, at: now))
        #expect(parts[0].state == .submitted)
    }
}
