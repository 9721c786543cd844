/// `query_sm`: an ESME asks the state of a previously submitted message.
public struct QuerySM: Hashable, Sendable {
    public var messageID: String
    /// The source address used in the original submission.
    public var source: SMPPAddress

    public init(messageID: String, source: SMPPAddress = SMPPAddress()) {
        self.messageID = messageID
        self.source = source
    }

    static func decode(_ reader: inout PDUBodyReader) throws(SMPPCodecError) -> QuerySM {
        let id = try reader.readCString(.messageID)
        let ton = try reader.readUInt8("source_addr_ton")
        let npi = try reader.readUInt8("source_addr_npi")
        let address = try reader.readCString(.sourceAddr)
        try reader.expectEnd("query_sm")
        return QuerySM(messageID: id, source: SMPPAddress(ton: TypeOfNumber(rawValue: ton), npi: NumberingPlanIndicator(rawValue: npi), address: address))
    }

    func encode(into writer: inout PDUBodyWriter) throws(SMPPCodecError) {
        try writer.writeCString(messageID, .messageID)
        writer.writeUInt8(source.ton.rawValue)
        writer.writeUInt8(source.npi.rawValue)
        try writer.writeCString(source.address, .sourceAddr)
    }
}
