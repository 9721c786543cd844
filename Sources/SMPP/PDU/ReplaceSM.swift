/// `replace_sm`: an ESME replaces the content or timing of a pending message.
public struct ReplaceSM: Hashable, Sendable {
    public var messageID: String
    public var source: SMPPAddress
    public var scheduleDeliveryTime: String
    public var validityPeriod: String
    public var registeredDelivery: RegisteredDelivery
    public var smDefaultMsgID: UInt8
    public var shortMessage: [UInt8]

    public init(
        messageID: String,
        source: SMPPAddress = SMPPAddress(),
        scheduleDeliveryTime: String = "",
        validityPeriod: String = "",
        registeredDelivery: RegisteredDelivery = .none,
        smDefaultMsgID: UInt8 = 0,
        shortMessage: [UInt8] = []
    ) {
        self.messageID = messageID
        self.source = source
        self.scheduleDeliveryTime = scheduleDeliveryTime
        self.validityPeriod = validityPeriod
        self.registeredDelivery = registeredDelivery
        self.smDefaultMsgID = smDefaultMsgID
        self.shortMessage = shortMessage
    }

    static func decode(_ reader: inout PDUBodyReader) throws(SMPPCodecError) -> ReplaceSM {
        let id = try reader.readCString(.messageID)
        let ton = try reader.readUInt8("source_addr_ton")
        let npi = try reader.readUInt8("source_addr_npi")
        let address = try reader.readCString(.sourceAddr)
        let schedule = try reader.readTime(.scheduleDeliveryTime)
        let validity = try reader.readTime(.validityPeriod)
        let registered = try reader.readUInt8("registered_delivery")
        let defaultMsgID = try reader.readUInt8("sm_default_msg_id")
        let message = try reader.readShortMessage()
        try reader.expectEnd("replace_sm")
        return ReplaceSM(
            messageID: id,
            source: SMPPAddress(ton: TypeOfNumber(rawValue: ton), npi: NumberingPlanIndicator(rawValue: npi), address: address),
            scheduleDeliveryTime: schedule, validityPeriod: validity,
            registeredDelivery: RegisteredDelivery(rawValue: registered), smDefaultMsgID: defaultMsgID, shortMessage: message
        )
    }

    func encode(into writer: inout PDUBodyWriter) throws(SMPPCodecError) {
        try writer.writeCString(messageID, .messageID)
        writer.writeUInt8(source.ton.rawValue)
        writer.writeUInt8(source.npi.rawValue)
        try writer.writeCString(source.address, .sourceAddr)
        try writer.writeTime(scheduleDeliveryTime, .scheduleDeliveryTime)
        try writer.writeTime(validityPeriod, .validityPeriod)
        writer.writeUInt8(registeredDelivery.rawValue)
        writer.writeUInt8(smDefaultMsgID)
        try writer.writeShortMessage(shortMessage)
    }
}
