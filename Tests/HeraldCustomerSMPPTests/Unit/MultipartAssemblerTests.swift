import HeraldCore
import SMPP
import SMSText
import Testing
@testable import HeraldCustomerSMPP

@Suite struct MultipartAssemblerTests {
    let decoder = SMSDecoder(profile: .standard)
    let account = AccountID(unchecked: "acc_01kdvdna00aafgy4tqcx94f573")
    let now = Timestamp(millisecondsSince1970: 1_767_225_600_000)

    func part(_ text: String, sequence: UInt8, of total: UInt8, reference: UInt8 = 9, registered: UInt8 = 0) throws -> CustomerSubmission {
        try CustomerSubmission(
            SubmitSM(
                source: SMPPAddress(alphanumeric: "Acme"), destination: .international("4915123456789"), esmClass: .udhi,
                registeredDelivery: RegisteredDelivery(rawValue: registered), shortMessage: [5, 0, 3, reference, total, sequence] + Array(text.utf8)),
            decoder: decoder)
    }

    @Test func partsInAnyOrderJoinUnderTheFirstPartsID() throws {
        let assembler = MultipartAssembler(timeout: .seconds(60))
        var ids = 0
        let newID = { () -> MessageID in
            ids += 1
            return MessageID(unchecked: "msg_\(ids)")
        }
        let (first, _) = assembler.add(try part("world", sequence: 2, of: 2, registered: 2), accountID: account, at: now, newID: newID)
        #expect(first == .pending(MessageID(unchecked: "msg_1")))
        let (again, _) = assembler.add(try part("world", sequence: 2, of: 2), accountID: account, at: now, newID: newID)
        #expect(again == .duplicate(MessageID(unchecked: "msg_1")))
        let (last, _) = assembler.add(try part("Hello ", sequence: 1, of: 2, registered: 1), accountID: account, at: now, newID: newID)
        #expect(last == .completed(text: "Hello world", messageID: MessageID(unchecked: "msg_1"), receiptRequest: .final, parts: 2))
        #expect(assembler.pendingCount == 0)
        #expect(ids == 1)
    }

    @Test func singlePartsPassThrough() throws {
        let assembler = MultipartAssembler(timeout: .seconds(60))
        let single = try CustomerSubmission(SubmitSM(source: SMPPAddress(), destination: .international("4915123456789"), shortMessage: Array("hi".utf8)), decoder: decoder)
        #expect(assembler.add(single, accountID: account, at: now) { MessageID(unchecked: "msg_x") }.0 == .single)
    }

    @Test func accountsDoNotShareParts() throws {
        let assembler = MultipartAssembler(timeout: .seconds(60))
        let other = AccountID(unchecked: "acc_01kdvdna00aafgy4tqcx94f574")
        _ = assembler.add(try part("a", sequence: 1, of: 2), accountID: account, at: now) { MessageID(unchecked: "msg_a") }
        let (outcome, _) = assembler.add(try part("b", sequence: 2, of: 2), accountID: other, at: now) { MessageID(unchecked: "msg_b") }
        #expect(outcome == .pending(MessageID(unchecked: "msg_b")))
        #expect(assembler.pendingCount == 2)
    }

    @Test func incompleteMessagesAreGivenUpAfterTheTimeout() async throws {
        let assembler = MultipartAssembler(timeout: .milliseconds(1))
        _ = assembler.add(try part("a", sequence: 1, of: 3, registered: 1), accountID: account, at: now) { MessageID(unchecked: "msg_a") }
        var abandoned: [MultipartAssembler.Abandoned] = []
        let deadline = ContinuousClock.now + .seconds(30)
        while abandoned.isEmpty && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
            abandoned = assembler.expire()
        }
        #expect(abandoned.map(\.messageID) == [MessageID(unchecked: "msg_a")])
        #expect(abandoned.first?.receiptRequest == .final)
        #expect(abandoned.first?.parts == 3)
        #expect(abandoned.first?.to == "+4915123456789")
    }
}
