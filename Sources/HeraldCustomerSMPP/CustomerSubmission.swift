import HeraldCore
import SMPP
import SMSText

/// One `submit_sm` or `data_sm` of a customer as Herald reads it: addresses, the decoded text of this part
/// and its place in a multipart message, the receipt asked for and the times. Pure mapping, no I/O.
///
/// ```swift
/// let submission = try CustomerSubmission(sm, decoder: SMSDecoder(profile: .standard))
/// let request = try submission.sendRequest(body: submission.part.text ?? "", now: clock.now())
/// ```
struct CustomerSubmission: Sendable, Equatable {
    /// When the message stops being deliverable, as the customer gave it.
    enum Validity: Sendable, Equatable {
        /// Herald's default validity.
        case standard
        /// `validity_period` of submit_sm.
        case time(SMPPTime)
        /// `qos_time_to_live` of data_sm.
        case seconds(Int64)
    }

    /// The sender for ``SendRequest/from`` (`nil`: the configured default sender).
    var from: String?
    /// The destination in E.164 form.
    var to: String
    /// The addresses as received (reassembly keys).
    var sourceAddress: String
    var destinationAddress: String
    var part: DecodedShortMessage
    var receiptRequest: ReceiptRequest?
    var validity: Validity
    var schedule: SMPPTime?

    init(_ sm: SubmitSM, decoder: SMSDecoder) throws(CustomerSMPPError) {
        let payload = sm.tlvs.messagePayload
        if payload != nil && !sm.shortMessage.isEmpty {
            throw CustomerSMPPError(.optionalParameterNotAllowed, "short_message and message_payload may not both carry text")
        }
        try self.init(
            source: sm.source, destination: sm.destination, esmClass: sm.esmClass, registeredDelivery: sm.registeredDelivery,
            dataCoding: sm.dataCoding, userData: payload ?? sm.shortMessage, tlvs: sm.tlvs, decoder: decoder)
        if !sm.validityPeriod.isEmpty {
            guard let time = SMPPTime(parsing: sm.validityPeriod) else { throw CustomerSMPPError(.invalidExpiry, "validity_period is not an SMPP time") }
            validity = .time(time)
        }
        if !sm.scheduleDeliveryTime.isEmpty {
            guard let time = SMPPTime(parsing: sm.scheduleDeliveryTime) else {
                throw CustomerSMPPError(.invalidScheduledDeliveryTime, "schedule_delivery_time is not an SMPP time")
            }
            schedule = time
        }
    }

    init(_ sm: DataSM, decoder: SMSDecoder) throws(CustomerSMPPError) {
        try self.init(
            source: sm.source, destination: sm.destination, esmClass: sm.esmClass, registeredDelivery: sm.registeredDelivery,
            dataCoding: sm.dataCoding, userData: sm.tlvs.messagePayload ?? [], tlvs: sm.tlvs, decoder: decoder)
        if let seconds = sm.tlvs.qosTimeToLive { validity = .seconds(Int64(seconds)) }
    }

    private init(
        source: SMPPAddress, destination: SMPPAddress, esmClass: ESMClass, registeredDelivery: RegisteredDelivery, dataCoding: SMPP.DataCoding,
        userData: [UInt8], tlvs: TLVList, decoder: SMSDecoder
    ) throws(CustomerSMPPError) {
        guard esmClass.messageType == 0 else {
            throw CustomerSMPPError(.invalidESMClass, "esm_class message type \(esmClass.messageType) is not supported; only normal messages (0) are")
        }
        to = try Self.destination(destination)
        from = try Self.sender(source)
        sourceAddress = source.address
        destinationAddress = destination.address
        switch registeredDelivery.receiptRequest {
        case 0: receiptRequest = nil
        case 1: receiptRequest = .final
        case 2: receiptRequest = .failureOnly
        default: throw CustomerSMPPError(.invalidRegisteredDeliveryFlag, "registered_delivery receipt bits 11 are reserved in SMPP 3.4")
        }
        if case .binary = MessageAlphabet.forDataCoding(dataCoding.rawValue, profile: decoder.profile) {
            throw CustomerSMPPError(.submitFailed, "data_coding \(dataCoding.rawValue) is binary or a character set Herald does not send")
        }
        let sar: SARValues? = {
            guard let reference = tlvs.sarMsgRefNum, let total = tlvs.sarTotalSegments, let sequence = tlvs.sarSegmentSeqnum else { return nil }
            return SARValues(referenceNumber: reference, totalSegments: total, segmentSequenceNumber: sequence)
        }()
        do {
            part = try decoder.decode(userData: userData, dataCoding: dataCoding.rawValue, esmClass: esmClass.rawValue, sar: sar)
        } catch {
            throw CustomerSMPPError(.invalidESMClass, "the user data header is malformed: \(error)")
        }
        guard part.text != nil else { throw CustomerSMPPError(.submitFailed, "the message is not text") }
        validity = .standard
        schedule = nil
    }

    /// The destination as `+digits`: TON international (1) or unknown (0, read as international), NPI
    /// unknown (0) or ISDN (1); a leading `+` is accepted.
    static func destination(_ address: SMPPAddress) throws(CustomerSMPPError) -> String {
        guard address.ton == .international || address.ton == .unknown else {
            throw CustomerSMPPError(.invalidDestinationTON, "dest_addr_ton must be 1 (international) or 0; Herald needs numbers in international format")
        }
        guard address.npi == .isdn || address.npi == .unknown else {
            throw CustomerSMPPError(.invalidDestinationNPI, "dest_addr_npi must be 1 (ISDN/E.164) or 0")
        }
        let digits = address.address.hasPrefix("+") ? String(address.address.dropFirst()) : address.address
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw CustomerSMPPError(.invalidDestinationAddress, "destination_addr must be the digits of an international number")
        }
        return "+" + digits
    }

    /// The sender: alphanumeric (TON 5) as given; international (TON 1) as `+digits`; other numeric forms
    /// (short codes) as their digits; empty means the default sender.
    static func sender(_ address: SMPPAddress) throws(CustomerSMPPError) -> String? {
        guard !address.address.isEmpty else { return nil }
        switch address.ton {
        case .alphanumeric:
            return address.address
        case .international:
            let digits = address.address.hasPrefix("+") ? String(address.address.dropFirst()) : address.address
            return "+" + digits
        case .unknown, .national, .networkSpecific, .subscriberNumber, .abbreviated:
            return address.address
        default:
            throw CustomerSMPPError(.invalidSourceTON, "source_addr_ton \(address.ton.rawValue) is not an SMPP 3.4 type of number")
        }
    }

    /// The request for Herald's message service, with `body` (this part's text, or the whole reassembled text).
    /// Validity and schedule become seconds and a time; the message service checks their ranges.
    func sendRequest(body: String, now: Timestamp) -> SendRequest {
        let nowSeconds = now.millisecondsSince1970 / 1000
        var sendAt: Timestamp?
        if let schedule {
            let instant = Timestamp(millisecondsSince1970: schedule.instant(now: nowSeconds) * 1000)
            if instant > now { sendAt = instant }
        }
        let start = (sendAt ?? now).millisecondsSince1970 / 1000
        var validitySeconds: Int?
        switch validity {
        case .standard: validitySeconds = nil
        case .time(let time): validitySeconds = Self.clamped(time.instant(now: nowSeconds) - start)
        case .seconds(let seconds): validitySeconds = Self.clamped(seconds - (start - nowSeconds))
        }
        return SendRequest(to: to, from: from, body: body, validitySeconds: validitySeconds, sendAt: sendAt)
    }

    private static func clamped(_ value: Int64) -> Int {
        Int(max(Int64(Int32.min), min(Int64(Int32.max), value)))
    }
}
