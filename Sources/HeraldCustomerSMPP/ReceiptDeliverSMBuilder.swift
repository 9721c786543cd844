import HeraldCore
import SMPP
import SMSText

/// Builds the `deliver_sm` that reports a message's final status to the customer: `esm_class` 0x04, the
/// SMPP 3.4 appendix B text `id:… sub:… dlvrd:… submit date:… done date:… stat:… err:… text:` and the
/// `receipted_message_id` and `message_state` TLVs.
///
/// The id is Herald's message id (as in `submit_sm_resp`); `sub`/`dlvrd` count the message's SMS parts;
/// `err` is the carrier's numeric error code when it gave one, else `000`; `text` is always empty (Herald
/// does not repeat message content). The text is ASCII, sent as `data_coding` 1 (IA5) when the listener's
/// `data_coding` 0 means GSM (whose 0x5F is not `_`), else as 0.
enum ReceiptDeliverSMBuilder {
    static let formatter = DeliveryReceiptFormatter(includesSeconds: false, idStyle: .verbatim, textLength: 0)

    static func deliverSM(for report: DeliveryReport, dataCodingZero: DefaultAlphabet) -> DeliverSM {
        let state = deliveryState(for: report.status)
        let text = formatter.format(
            id: report.messageID.rawValue, state: state, error: errorValue(report.errorCode), submitDate: receiptTimestamp(report.submittedAt),
            doneDate: receiptTimestamp(report.doneAt), text: "", submitted: report.parts, delivered: state == .delivered ? report.parts : 0)
        var tlvs = TLVList()
        tlvs.receiptedMessageID = report.messageID.rawValue
        tlvs.messageState = messageState(for: report.status)
        return DeliverSM(
            source: AddressMapping.address(for: report.to), destination: AddressMapping.address(for: report.from), esmClass: .deliveryReceipt,
            dataCoding: dataCodingZero.isGSM ? .ia5 : .smscDefault, shortMessage: Array(text.utf8), tlvs: tlvs)
    }

    /// The `stat:` of a final status (`failed`, Herald could not send it, is reported UNDELIV).
    static func deliveryState(for status: MessageStatus) -> DeliveryState {
        switch status {
        case .delivered: return .delivered
        case .undelivered, .failed: return .undeliverable
        case .expired: return .expired
        case .rejected: return .rejected
        case .accepted, .queued, .submitted: return .enroute
        }
    }

    /// The `message_state` TLV (and query_sm answer) of a status.
    static func messageState(for status: MessageStatus) -> MessageState {
        switch status {
        case .accepted, .queued, .submitted: return .enroute
        case .delivered: return .delivered
        case .undelivered, .failed: return .undeliverable
        case .expired: return .expired
        case .rejected: return .rejected
        }
    }

    /// The carrier's numeric error from Herald's error code (`carrier_undelivered_001` → 1), else 0.
    static func errorValue(_ code: String?) -> Int {
        guard let code, code.hasPrefix("carrier_"), let last = code.split(separator: "_").last, last.count <= 9,
              last.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return 0 }
        return Int(last) ?? 0
    }

    static func receiptTimestamp(_ time: Timestamp) -> ReceiptTimestamp {
        let utc = UTCTime(time)
        return ReceiptTimestamp(year: utc.year, month: utc.month, day: utc.day, hour: utc.hour, minute: utc.minute, second: utc.second)
            ?? ReceiptTimestamp(year: 2000, month: 1, day: 1, hour: 0, minute: 0)!
    }

    static func smppAbsoluteTime(_ time: Timestamp) -> String { UTCTime(time).smppAbsolute }
}
