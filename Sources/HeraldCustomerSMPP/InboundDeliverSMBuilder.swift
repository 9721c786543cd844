import HeraldCore
import SMPP
import SMSText

/// Builds the `deliver_sm`(s) that carry a mobile-originated message to the customer: from the handset to
/// the account's number, `esm_class` 0 (0x40 with a concatenation UDH when the text needs several parts),
/// encoded for the listener's text profile (GSM 7-bit as `data_coding` 0 when it can, else UCS-2).
struct InboundDeliverSMBuilder: Sendable {
    let encoder: SMSEncoder

    init(profile: PeerTextProfile) {
        encoder = SMSEncoder(SMSEncoderOptions(profile: profile, concatenation: .udh8, maxParts: 255))
    }

    /// The parts in order. - Throws: when the body was erased or cannot be encoded.
    func deliverSMs(for message: InboundMessage, reference: UInt16) throws -> [DeliverSM] {
        guard message.bodyPolicy == .retained, let body = message.body else { throw CustomerSMPPError(.systemError, "the inbound message's body was erased") }
        let encoded = try encoder.encode(body.isEmpty ? " " : body, reference: reference)
        return encoded.parts.map { part in
            var tlvs = TLVList()
            if let payload = part.messagePayload { tlvs.messagePayload = payload }
            return DeliverSM(
                source: AddressMapping.address(for: message.from), destination: AddressMapping.address(for: message.to),
                esmClass: ESMClass(rawValue: part.esmClassFlags), dataCoding: SMPP.DataCoding(rawValue: part.dataCoding),
                shortMessage: part.shortMessage, tlvs: tlvs)
        }
    }
}
