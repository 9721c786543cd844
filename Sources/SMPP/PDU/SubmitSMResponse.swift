/// `submit_sm_resp`: the SMSC's answer to a submit_sm, carrying the message id it assigned.
public struct SubmitSMResponse: Hashable, Sendable {
    /// The SMSC message id (empty in error responses, which carry no body).
    public var messageID: String

    public init(messageID: String = "") {
        self.messageID = messageID
    }

    static func decode(_ reader: inout PDUBodyReader) throws(SMPPCodecError) -> SubmitSMResponse {
        if reader.isAtEnd { return SubmitSMResponse() }
        let id = try reader.readCString(.messageID, unterminatedAtEnd: true)
        // SMPP 3.4 defines no TLVs here; tolerate and ignore any that some SMSCs append.
        _ = try? reader.readTLVs()
        return SubmitSMResponse(messageID: id)
    }

    func encode(into writer: inout PDUBodyWriter) throws(SMPPCodecError) {
        try writer.writeCString(messageID, .messageID)
    }
}
