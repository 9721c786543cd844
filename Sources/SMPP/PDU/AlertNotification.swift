/// `alert_notification`: the SMSC tells a receiver that a mobile station became available. No response.
public struct AlertNotification: Hashable, Sendable {
    /// The mobile station that became available.
    public var source: SMPPAddress
    /// The ESME that asked to be alerted.
    public var esmeAddress: SMPPAddress
    /// SMPP 3.4 defines `ms_availability_status` here.
    public var tlvs: TLVList

    public init(source: SMPPAddress, esmeAddress: SMPPAddress, tlvs: TLVList = []) {
        self.source = source
        self.esmeAddress = esmeAddress
        self.tlvs = tlvs
    }

    static func decode(_ reader: inout PDUBodyReader) throws(SMPPCodecError) -> AlertNotification {
        let sourceTON = try reader.readUInt8("source_addr_ton")
        let sourceNPI = try reader.readUInt8("source_addr_npi")
        let sourceAddr = try reader.readCString(.dataSourceAddr)
        let esmeTON = try reader.readUInt8("esme_addr_ton")
        let esmeNPI = try reader.readUInt8("esme_addr_npi")
        let esmeAddr = try reader.readCString(.esmeAddr)
        let tlvs = try reader.readTLVs()
        return AlertNotification(
            source: SMPPAddress(ton: TypeOfNumber(rawValue: sourceTON), npi: NumberingPlanIndicator(rawValue: sourceNPI), address: sourceAddr),
            esmeAddress: SMPPAddress(ton: TypeOfNumber(rawValue: esmeTON), npi: NumberingPlanIndicator(rawValue: esmeNPI), address: esmeAddr),
            tlvs: tlvs
        )
    }

    func encode(into writer: inout PDUBodyWriter) throws(SMPPCodecError) {
        writer.writeUInt8(source.ton.rawValue)
        writer.writeUInt8(source.npi.rawValue)
        try writer.writeCString(source.address, .dataSourceAddr)
        writer.writeUInt8(esmeAddress.ton.rawValue)
        writer.writeUInt8(esmeAddress.npi.rawValue)
        try writer.writeCString(esmeAddress.address, .esmeAddr)
        try writer.writeTLVs(tlvs)
    }
}
