/// `bind_transmitter_resp`, `bind_receiver_resp` or `bind_transceiver_resp`: the SMSC answers a bind.
public struct BindResponse: Hashable, Sendable {
    public var bindType: BindType
    /// The SMSC's identifier (absent in error responses without a body: empty).
    public var systemID: String
    /// Optional parameters; SMPP 3.4 defines `sc_interface_version` here.
    public var tlvs: TLVList

    public init(bindType: BindType, systemID: String = "", tlvs: TLVList = []) {
        self.bindType = bindType
        self.systemID = systemID
        self.tlvs = tlvs
    }

    static func decode(_ reader: inout PDUBodyReader, bindType: BindType) throws(SMPPCodecError) -> BindResponse {
        if reader.isAtEnd { return BindResponse(bindType: bindType) }
        let systemID = try reader.readCString(.systemID(reader.options), unterminatedAtEnd: true)
        let tlvs = try reader.readTLVs()
        return BindResponse(bindType: bindType, systemID: systemID, tlvs: tlvs)
    }

    func encode(into writer: inout PDUBodyWriter) throws(SMPPCodecError) {
        try writer.writeCString(systemID, .systemID(writer.options))
        try writer.writeTLVs(tlvs)
    }
}
