/// `submit_multi`: an ESME submits one short message to up to 254 destinations.
public struct SubmitMulti: Hashable, Sendable {
    public var serviceType: String
    public var source: SMPPAddress
    public var destinations: [SubmitMultiDestination]
    public var esmClass: ESMClass
    public var protocolID: UInt8
    public var priorityFlag: UInt8
    public var scheduleDeliveryTime: String
    public var validityPeriod: String
    public var registeredDelivery: RegisteredDelivery
    public var replaceIfPresentFlag: UInt8
    public var dataCoding: DataCoding
    public var smDefaultMsgID: UInt8
    public var shortMessage: [UInt8]
    public var tlvs: TLVList

    public init(
        serviceType: String = "",
        source: SMPPAddress,
        destinations: [SubmitMultiDestination],
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
        self.destinations = destinations
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

    static func decode(_ reader: inout PDUBodyReader) throws(SMPPCodecError) -> SubmitMulti {
        let serviceType = try reader.readCString(.serviceType)
        let sourceTON = try reader.readUInt8("source_addr_ton")
        let sourceNPI = try reader.readUInt8("source_addr_npi")
        let sourceAddr = try reader.readCString(.sourceAddr)
        let count = Int(try reader.readUInt8("number_of_dests"))
        if count > 254 {
            throw reader.error(.invalidFieldValue, .invalidNumberOfDestinations, field: "number_of_dests",
                               "number_of_dests \(count) exceeds 254")
        }
        var destinations: [SubmitMultiDestination] = []
        destinations.reserveCapacity(count)
        for _ in 0..<count {
            let flag = try reader.readUInt8("dest_flag")
            switch flag {
            case 1:
                let ton = try reader.readUInt8("dest_addr_ton")
                let npi = try reader.readUInt8("dest_addr_npi")
                let address = try reader.readCString(.destinationAddr)
                destinations.append(.address(SMPPAddress(ton: TypeOfNumber(rawValue: ton), npi: NumberingPlanIndicator(rawValue: npi), address: address)))
            case 2:
                destinations.append(.distributionList(try reader.readCString(.distributionListName)))
            default:
                throw reader.error(.invalidFieldValue, .invalidDestinationFlag, field: "dest_flag",
                                   "dest_flag \(flag) is neither 1 (SME address) nor 2 (distribution list)")
            }
        }
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
        return SubmitMulti(
            serviceType: serviceType,
            source: SMPPAddress(ton: TypeOfNumber(rawValue: sourceTON), npi: NumberingPlanIndicator(rawValue: sourceNPI), address: sourceAddr),
            destinations: destinations,
            esmClass: ESMClass(rawValue: esmClass), protocolID: protocolID, priorityFlag: priority,
            scheduleDeliveryTime: schedule, validityPeriod: validity,
            registeredDelivery: RegisteredDelivery(rawValue: registered), replaceIfPresentFlag: replace,
            dataCoding: DataCoding(rawValue: dataCoding), smDefaultMsgID: defaultMsgID,
            shortMessage: message, tlvs: tlvs
        )
    }

    func encode(into writer: inout PDUBodyWriter) throws(SMPPCodecError) {
        guard destinations.count <= 254 else {
            throw SMPPCodecError(code: .invalidFieldValue, status: .invalidNumberOfDestinations, field: "number_of_dests",
                                 message: "\(destinations.count) destinations; at most 254 allowed")
        }
        try writer.writeCString(serviceType, .serviceType)
        writer.writeUInt8(source.ton.rawValue)
        writer.writeUInt8(source.npi.rawValue)
        try writer.writeCString(source.address, .sourceAddr)
        writer.writeUInt8(UInt8(destinations.count))
        for destination in destinations {
            switch destination {
            case .address(let address):
                writer.writeUInt8(1)
                writer.writeUInt8(address.ton.rawValue)
                writer.writeUInt8(address.npi.rawValue)
                try writer.writeCString(address.address, .destinationAddr)
            case .distributionList(let name):
                writer.writeUInt8(2)
                try writer.writeCString(name, .distributionListName)
            }
        }
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
