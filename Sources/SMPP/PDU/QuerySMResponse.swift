/// `query_sm_resp`: the state of the queried message.
public struct QuerySMResponse: Hashable, Sendable {
    public var messageID: String
    /// When the message reached its final state (`YYMMDDhhmmsstnnp`), empty if not final.
    public var finalDate: String
    public var messageState: MessageState
    /// Network-specific error code (GSM: cause value), 0 if none.
    public var errorCode: UInt8

    public init(messageID: String = "", finalDate: String = "", messageState: MessageState = .unknown, errorCode: UInt8 = 0) {
        self.messageID = messageID
        self.finalDate = finalDate
        self.messageState = messageState
        self.errorCode = errorCode
    }

    static func decode(_ reader: inout PDUBodyReader) throws(SMPPCodecError) -> QuerySMResponse {
        if reader.isAtEnd { return QuerySMResponse() }
        let id = try reader.readCString(.messageID)
        let finalDate = try reader.readTime(.finalDate)
        let state = try reader.readUInt8("message_state")
        let errorCode = try reader.readUInt8("error_code")
        return QuerySMResponse(messageID: id, finalDate: finalDate, messageState: MessageState(rawValue: state), errorCode: errorCode)
    }

    func encode(into writer: inout PDUBodyWriter) throws(SMPPCodecError) {
        try writer.writeCString(messageID, .messageID)
        try writer.writeTime(finalDate, .finalDate)
        writer.writeUInt8(messageState.rawValue)
        writer.writeUInt8(errorCode)
    }
}
