import HeraldCore
import SMPP
import SMSText
import Testing
@testable import HeraldCustomerSMPP

/// The SMPP → Herald field mapping of submit_sm and data_sm, without sockets.
@Suite struct CustomerSubmissionTests {
    let decoder = SMSDecoder(profile: CustomerSMPPConfiguration().textProfile)
    let now = Timestamp(millisecondsSince1970: 1_767_225_600_000)  // 2026-01-01T00:00:00Z

    func submit(
        from: SMPPAddress = SMPPAddress(alphanumeric: "Acme"), to: SMPPAddress = .international("4915123456789"), text: [UInt8] = Array("Hello".utf8),
        esm: UInt8 = 0, registered: UInt8 = 0, dataCoding: UInt8 = 0, validity: String = "", schedule: String = "", tlvs: TLVList = []
    ) -> SubmitSM {
        SubmitSM(
            source: from, destination: to, esmClass: ESMClass(rawValue: esm), scheduleDeliveryTime: schedule, validityPeriod: validity,
            registeredDelivery: RegisteredDelivery(rawValue: registered), dataCoding: SMPP.DataCoding(rawValue: dataCoding), shortMessage: text, tlvs: tlvs)
    }

    func status(_ sm: SubmitSM) -> CommandStatus? {
        do {
            _ = try CustomerSubmission(sm, decoder: decoder)
            return nil
        } catch {
            return error.status
        }
    }

    @Test func plainSubmissionMapsToASendRequest() throws {
        let submission = try CustomerSubmission(submit(registered: 1), decoder: decoder)
        #expect(submission.to == "+4915123456789")
        #expect(submission.from == "Acme")
        #expect(submission.receiptRequest == .final)
        #expect(submission.part.text == "Hello")
        #expect(submission.part.concatenation == nil)
        let request = submission.sendRequest(body: "Hello", now: now)
        #expect(request == SendRequest(to: "+4915123456789", from: "Acme", body: "Hello"))
    }

    @Test func addressesByTypeOfNumber() throws {
        #expect(try CustomerSubmission(submit(from: .international("15550001")), decoder: decoder).from == "+15550001")
        #expect(try CustomerSubmission(submit(from: SMPPAddress(ton: .networkSpecific, npi: .unknown, address: "72345")), decoder: decoder).from == "72345")
        #expect(try CustomerSubmission(submit(from: SMPPAddress()), decoder: decoder).from == nil)
        #expect(try CustomerSubmission(submit(to: SMPPAddress(ton: .unknown, npi: .unknown, address: "+4915123456789")), decoder: decoder).to == "+4915123456789")
        #expect(status(submit(to: SMPPAddress(ton: .national, npi: .isdn, address: "015123456789"))) == .invalidDestinationTON)
        #expect(status(submit(to: SMPPAddress(ton: .international, npi: .data, address: "4915123456789"))) == .invalidDestinationNPI)
        #expect(status(submit(to: .international("49-151"))) == .invalidDestinationAddress)
        #expect(status(submit(to: .international(""))) == .invalidDestinationAddress)
        #expect(status(submit(from: SMPPAddress(ton: TypeOfNumber(rawValue: 9), npi: .unknown, address: "x"))) == .invalidSourceTON)
    }

    @Test func registeredDeliveryBits() throws {
        #expect(try CustomerSubmission(submit(registered: 0), decoder: decoder).receiptRequest == nil)
        #expect(try CustomerSubmission(submit(registered: 2), decoder: decoder).receiptRequest == .failureOnly)
        // Intermediate notification and SME acknowledgement bits are ignored.
        #expect(try CustomerSubmission(submit(registered: 0x11), decoder: decoder).receiptRequest == .final)
        #expect(status(submit(registered: 3)) == .invalidRegisteredDeliveryFlag)
    }

    @Test func esmClassAndDataCoding() throws {
        #expect(status(submit(esm: 0x08)) == .invalidESMClass)  // message type "ESME delivery acknowledgement"
        #expect(try CustomerSubmission(submit(esm: 0x03), decoder: decoder).part.text == "Hello")  // store-and-forward mode is fine
        #expect(status(submit(dataCoding: 4)) == .submitFailed)  // binary
        #expect(status(submit(text: [0x05, 0x00], esm: 0x40)) == .invalidESMClass)  // truncated UDH
        let ucs2 = try CustomerSubmission(submit(text: [0x04, 0x1F, 0x04, 0x40, 0x04, 0x38], dataCoding: 8), decoder: decoder)
        #expect(ucs2.part.text == "При")
        #expect(status(submit(tlvs: TLVList([TLV(tag: .messagePayload, value: .octets(Array("x".utf8)))]))) == .optionalParameterNotAllowed)
    }

    @Test func dataCodingZeroFollowsTheListenerConfiguration() throws {
        // 0x1B 0x65 is the euro sign in GSM 03.38; 0xE9 is é in Latin-1.
        let gsm = try CustomerSubmission(submit(text: [0x1B, 0x65, 0x35]), decoder: decoder)
        #expect(gsm.part.text == "€5")
        var latin = CustomerSMPPConfiguration()
        latin.dataCodingZero = .latin1
        let latinSubmission = try CustomerSubmission(submit(text: [0x63, 0x61, 0x66, 0xE9]), decoder: SMSDecoder(profile: latin.textProfile))
        #expect(latinSubmission.part.text == "café")
    }

    @Test func relativeAndAbsoluteValidityAndSchedule() throws {
        let relative = try CustomerSubmission(submit(validity: "000000020000000R"), decoder: decoder).sendRequest(body: "x", now: now)
        #expect(relative.validitySeconds == 7200)
        #expect(relative.sendAt == nil)
        // 2026-01-01 03:00 local, 1 hour (4 quarter hours) ahead of UTC = 02:00 UTC: two hours from now.
        let absolute = try CustomerSubmission(submit(validity: "260101030000004+"), decoder: decoder).sendRequest(body: "x", now: now)
        #expect(absolute.validitySeconds == 7200)
        // Scheduled in one hour; validity counts from the scheduled time.
        let scheduled = try CustomerSubmission(submit(validity: "000000030000000R", schedule: "000000010000000R"), decoder: decoder)
            .sendRequest(body: "x", now: now)
        #expect(scheduled.sendAt == now.adding(seconds: 3600))
        #expect(scheduled.validitySeconds == 7200)
        // A schedule in the past means now.
        #expect(try CustomerSubmission(submit(schedule: "250101000000000+"), decoder: decoder).sendRequest(body: "x", now: now).sendAt == nil)
        #expect(status(submit(validity: "26010103000000+")) == .invalidExpiry)
    }

    @Test func udhAndSARPartsCarryTheirPosition() throws {
        let udh = try CustomerSubmission(submit(text: [0x05, 0x00, 0x03, 0x2A, 0x03, 0x02] + Array("middle".utf8), esm: 0x40), decoder: decoder)
        #expect(udh.part.concatenation == ConcatenationInfo(reference: 0x2A, total: 3, sequence: 2, referenceKind: .udh8))
        #expect(udh.part.text == "middle")
        var tlvs = TLVList()
        tlvs.sarMsgRefNum = 7
        tlvs.sarTotalSegments = 2
        tlvs.sarSegmentSeqnum = 1
        let sar = try CustomerSubmission(submit(tlvs: tlvs), decoder: decoder)
        #expect(sar.part.concatenation?.total == 2)
        #expect(sar.part.concatenation?.sequence == 1)
    }

    @Test func dataSMUsesPayloadAndTimeToLive() throws {
        var tlvs = TLVList()
        tlvs.messagePayload = Array("Long payload".utf8)
        tlvs.qosTimeToLive = 600
        let sm = DataSM(source: SMPPAddress(alphanumeric: "Acme"), destination: .international("4915123456789"), registeredDelivery: .receiptOnFailure, tlvs: tlvs)
        let submission = try CustomerSubmission(sm, decoder: decoder)
        #expect(submission.part.text == "Long payload")
        #expect(submission.receiptRequest == .failureOnly)
        #expect(submission.sendRequest(body: "Long payload", now: now).validitySeconds == 600)
    }
}
