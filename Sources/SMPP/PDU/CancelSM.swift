/// `cancel_sm`: an ESME cancels pending messages (one by id, or all matching source/destination/service type).
public struct CancelSM: Hashable, Sendable {
    public var serviceType: String
    /// The id to cancel; empty to cancel all messages matching the other fields.
    public var messageID: String
    public var source: SMPPAddress
    public var destination: SMPPAddress

    public init(serviceType: String = "", messageID: String, source: SMPPAddress = SMPPAddress(), destination: SMPPAddress = SMPPAddress()) {
        self.serviceType = serviceType
        self.messageID = messageID
        self.source = source
        self.destination = destination
    }

    static func decode(_ reader: inout PDUBodyReader) throws(SMPPCodecError) -> CancelSM {
        let serviceType = try reader.readCString(.serviceType)
        let id = try reader.readCString(.messageID)
        let sourceTON = try reader.readUInt8("source_addr_ton")
        let sourceNPI = try reader.readUInt8("source_addr_npi")
        let sourceAddr = try reader.readCString(.sourceAddr)
        let destTON = try reader.readUInt8("dest_addr_ton")
        let destNPI = try reader.readUInt8("dest_addr_npi")
        let destAddr = try reader.readCString(.destinationAddr)
        try reader.expectEnd("cancel_sm")
        return CancelSM(
            serviceType: serviceType, messageID: id,
            source: SMPPAddress(ton: TypeOfNumber(rawValue: sourceTON), npi: NumberingPlanIndicator(rawValue: sourceNPI), address: sourceAddr),
            destination: SMPPAddress(ton: TypeOfNumber(rawValue: destTON), npi: NumberingPlanIndicator(rawValue: destNPI), address: destAddr)
        )
    }

    func encode(into writer: inout PDUBodyWriter) throws(SMPPCodecError) {
        try writer.writeCString(serviceType, .serviceType)
        try writer.writeCString(messageID, .messageID)
        writer.writeUInt8(source.ton.rawValue)
        writer.writeUInt8(source.npi.rawValue)
        try writer.writeCString(source.address, .sourceAddr)
        writer.writeUInt8(destination.ton.rawValue)
        writer.writeUInt8(destination.npi.rawValue)
        try writer.writeCString(destination.address, .destinationAddr)
    }
}
