/// `deliver_sm_resp`: the ESME acknowledges a deliver_sm. The message_id field is unused (empty).
public struct DeliverSMResponse: Hashable, Sendable {
    public var messageID: String

    public init(messageID: String = "") {
        self.messageID = messageID
    }

    static func decode(_ reader: inout PDUBodyReader) throws(SMPPCodecError) -> DeliverSMResponse {
        if reader.isAtEnd { return DeliverSMResponse() }
        let id = try reader.readCString(.deliverMessageID, unterminatedAtEnd: true)
        _ = try? reader.readTLVs()
        return DeliverSMResponse(messageID: id)
    }

    func encode(into writer: inout PDUBodyWriter) throws(SMPPCodecError) {
        try writer.writeCString(messageID, .deliverMessageID)
    }
}
