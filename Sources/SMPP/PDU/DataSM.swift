/// `data_sm`: a message in either direction with its content in TLVs (typically `message_payload`).
///
/// Addresses may be up to 64 characters here.
public struct DataSM: Hashable, Sendable {
    public var serviceType: String
    public var source: SMPPAddress
    public var destination: SMPPAddress
    public var esmClass: ESMClass
    public var registeredDelivery: RegisteredDelivery
    public var dataCoding: DataCoding
    public var tlvs: TLVList

    public init(
        serviceType: String = "",
        source: SMPPAddress = SMPPAddress(),
        destination: SMPPAddress = SMPPAddress(),
        esmClass: ESMClass = .default,
        registeredDelivery: RegisteredDelivery = .none,
        dataCoding: DataCoding = .smscDefault,
        tlvs: TLVList = []
    ) {
        self.serviceType = serviceType
        self.source = source
        self.destination = destination
        self.esmClass = esmClass
        self.registeredDelivery = registeredDelivery
        self.dataCoding = dataCoding
        self.tlvs = tlvs
    }

    static func decode(_ reader: inout PDUBodyReader) throws(SMPPCodecError) -> DataSM {
        let serviceType = try reader.readCString(.serviceType)
        let sourceTON = try reader.readUInt8("source_addr_ton")
        let sourceNPI = try reader.readUInt8("source_addr_npi")
        let sourceAddr = try reader.readCString(.dataSourceAddr)
        let destTON = try reader.readUInt8("dest_addr_ton")
        let destNPI = try reader.readUInt8("dest_addr_npi")
        let destAddr = try reader.readCString(.dataDestinationAddr)
        let esmClass = try reader.readUInt8("esm_class")
        let registered = try reader.readUInt8("registered_delivery")
        let dataCoding = try reader.readUInt8("data_coding")
        let tlvs = try reader.readTLVs()
        return DataSM(
            serviceType: serviceType,
            source: SMPPAddress(ton: TypeOfNumber(rawValue: sourceTON), npi: NumberingPlanIndicator(rawValue: sourceNPI), address: sourceAddr),
            destination: SMPPAddress(ton: TypeOfNumber(rawValue: destTON), npi: NumberingPlanIndicator(rawValue: destNPI), address: destAddr),
            esmClass: ESMClass(rawValue: esmClass), registeredDelivery: RegisteredDelivery(rawValue: registered),
            dataCoding: DataCoding(rawValue: dataCoding), tlvs: tlvs
        )
    }

    func encode(into writer: inout PDUBodyWriter) throws(SMPPCodecError) {
        try writer.writeCString(serviceType, .serviceType)
        writer.writeUInt8(source.ton.rawValue)
        writer.writeUInt8(source.npi.rawValue)
        try writer.writeCString(source.address, .dataSourceAddr)
        writer.writeUInt8(destination.ton.rawValue)
        writer.writeUInt8(destination.npi.rawValue)
        try writer.writeCString(destination.address, .dataDestinationAddr)
        writer.writeUInt8(esmClass.rawValue)
        writer.writeUInt8(registeredDelivery.rawValue)
        writer.writeUInt8(dataCoding.rawValue)
        try writer.writeTLVs(tlvs)
    }
}
