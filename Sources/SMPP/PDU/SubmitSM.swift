/// `submit_sm`: an ESME submits one short message to the SMSC.
///
/// ```swift
/// var sm = SubmitSM(source: SMPPAddress(alphanumeric: "Herald"),
///                   destination: .international("447700900123"),
///                   shortMessage: Array("Your code is 123456".utf8))
/// sm.registeredDelivery = .receiptOnFinal
/// let response = try await client.submit(sm)
/// ```
public struct SubmitSM: Hashable, Sendable {
    public var serviceType: String
    public var source: SMPPAddress
    public var destination: SMPPAddress
    public var esmClass: ESMClass
    public var protocolID: UInt8
    public var priorityFlag: UInt8
    /// Empty for immediate delivery, else `YYMMDDhhmmsstnnp`.
    public var scheduleDeliveryTime: String
    /// Empty for the SMSC default, else `YYMMDDhhmmsstnnp`.
    public var validityPeriod: String
    public var registeredDelivery: RegisteredDelivery
    public var replaceIfPresentFlag: UInt8
    public var dataCoding: DataCoding
    public var smDefaultMsgID: UInt8
    /// Up to 254 octets; use `tlvs.messagePayload` for longer content (with an empty short_message).
    public var shortMessage: [UInt8]
    public var tlvs: TLVList

    public init(
        serviceType: String = "",
        source: SMPPAddress,
        destination: SMPPAddress,
        esmClass: ESMClass = .default,
        protocolID: UInt8 = 0,
        priorityFlag: UInt8 = 0,
        scheduleDeliveryTime: String = "",
        validityPeriod: String = "",
        registeredDelivery: RegisteredDelivery = .none,
        replaceIfPresentFlag: UInt8 = 0,
        dataCoding: DataCoding = .smscDefault,
        smDefaultMsgID: UInt8 = 0,
        shortMessage: [UInt8] = [],
        tlvs: TLVList = []
    ) {
        self.serviceType = serviceType
        self.source = source
        self.destination = destination
        self.esmClass = esmClass
        self.protocolID = protocolID
        self.priorityFlag = priorityFlag
        self.scheduleDeliveryTime = scheduleDeliveryTime
        self.validityPeriod = validityPeriod
        self.registeredDelivery = registeredDelivery
        self.replaceIfPresentFlag = replaceIfPresentFlag
        self.dataCoding = dataCoding
        self.smDefaultMsgID = smDefaultMsgID
        self.shortMessage = shortMessage
        self.tlvs = tlvs
    }

    static func decode(_ reader: inout PDUBodyReader) throws(SMPPCodecError) -> SubmitSM {
        let serviceType = try reader.readCString(.serviceType)
        let sourceTON = try reader.readUInt8("source_addr_ton")
        let sourceNPI = try reader.readUInt8("source_addr_npi")
        let sourceAddr = try reader.readCString(.sourceAddr)
        let destTON = try reader.readUInt8("dest_addr_ton")
        let destNPI = try reader.readUInt8("dest_addr_npi")
        let destAddr = try reader.readCString(.destinationAddr)
        let esmClass = try reader.readUInt8("esm_class")
        let protocolID = try reader.readUInt8("protocol_id")
        let priority = try reader.readUInt8("priority_flag")
        let schedule = try reader.readTime(.scheduleDeliveryTime)
        let validity = try reader.readTime(.validityPeriod)
        let registered = try reader.readUInt8("registered_delivery")
        let replace = try reader.readUInt8("replace_if_present_flag")
        let dataCoding = try reader.readUInt8("data_coding")
        let defaultMsgID = try reader.readUInt8("sm_default_msg_id")
        let message = try reader.readShortMessage()
        let tlvs = try reader.readTLVs()
        return SubmitSM(
            serviceType: serviceType,
            source: SMPPAddress(ton: TypeOfNumber(rawValue: sourceTON), npi: NumberingPlanIndicator(rawValue: sourceNPI), address: sourceAddr),
            destination: SMPPAddress(ton: TypeOfNumber(rawValue: destTON), npi: NumberingPlanIndicator(rawValue: destNPI), address: destAddr),
            esmClass: ESMClass(rawValue: esmClass), protocolID: protocolID, priorityFlag: priority,
            scheduleDeliveryTime: schedule, validityPeriod: validity,
            registeredDelivery: RegisteredDelivery(rawValue: registered), replaceIfPresentFlag: replace,
            dataCoding: DataCoding(rawValue: dataCoding), smDefaultMsgID: defaultMsgID,
            shortMessage: message, tlvs: tlvs
        )
    }

    func encode(into writer: inout PDUBodyWriter) throws(SMPPCodecError) {
        try writer.writeCString(serviceType, .serviceType)
        writer.writeUInt8(source.ton.rawValue)
        writer.writeUInt8(source.npi.rawValue)
        try writer.writeCString(source.address, .sourceAddr)
        writer.writeUInt8(destination.ton.rawValue)
        writer.writeUInt8(destination.npi.rawValue)
        try writer.writeCString(destination.address, .destinationAddr)
        writer.writeUInt8(esmClass.rawValue)
        writer.writeUInt8(protocolID)
        writer.writeUInt8(priorityFlag)
        try writer.writeTime(scheduleDeliveryTime, .scheduleDeliveryTime)
        try writer.writeTime(validityPeriod, .validityPeriod)
        writer.writeUInt8(registeredDelivery.rawValue)
        writer.writeUInt8(replaceIfPresentFlag)
        writer.writeUInt8(dataCoding.rawValue)
        writer.writeUInt8(smDefaultMsgID)
        try writer.writeShortMessage(shortMessage)
        try writer.writeTLVs(tlvs)
    }
}
