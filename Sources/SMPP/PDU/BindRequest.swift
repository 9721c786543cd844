/// `bind_transmitter`, `bind_receiver` or `bind_transceiver`: an ESME opens a session.
///
/// The three requests share one body; ``bindType`` selects the command id.
///
/// ```swift
/// let bind = BindRequest(bindType: .transceiver, systemID: "herald", password: "secret")
/// ```
public struct BindRequest: Hashable, Sendable {
    public var bindType: BindType
    public var systemID: String
    public var password: String
    public var systemType: String
    /// The SMPP version the ESME supports; 0x34 for SMPP 3.4.
    public var interfaceVersion: UInt8
    /// The addresses (TON, NPI and a regular expression) the ESME serves, for receiver binds.
    public var addressRange: SMPPAddress

    public init(
        bindType: BindType,
        systemID: String,
        password: String,
        systemType: String = "",
        interfaceVersion: UInt8 = 0x34,
        addressRange: SMPPAddress = SMPPAddress()
    ) {
        self.bindType = bindType
        self.systemID = systemID
        self.password = password
        self.systemType = systemType
        self.interfaceVersion = interfaceVersion
        self.addressRange = addressRange
    }

    static func decode(_ reader: inout PDUBodyReader, bindType: BindType) throws(SMPPCodecError) -> BindRequest {
        let systemID = try reader.readCString(.systemID(reader.options))
        let password = try reader.readCString(.password(reader.options))
        let systemType = try reader.readCString(.systemType(reader.options))
        let interfaceVersion = try reader.readUInt8("interface_version")
        let ton = try reader.readUInt8("addr_ton")
        let npi = try reader.readUInt8("addr_npi")
        let range = try reader.readCString(.addressRange)
        try reader.expectEnd("bind")
        return BindRequest(
            bindType: bindType, systemID: systemID, password: password, systemType: systemType,
            interfaceVersion: interfaceVersion,
            addressRange: SMPPAddress(ton: TypeOfNumber(rawValue: ton), npi: NumberingPlanIndicator(rawValue: npi), address: range)
        )
    }

    func encode(into writer: inout PDUBodyWriter) throws(SMPPCodecError) {
        try writer.writeCString(systemID, .systemID(writer.options))
        try writer.writeCString(password, .password(writer.options))
        try writer.writeCString(systemType, .systemType(writer.options))
        writer.writeUInt8(interfaceVersion)
        writer.writeUInt8(addressRange.ton.rawValue)
        writer.writeUInt8(addressRange.npi.rawValue)
        try writer.writeCString(addressRange.address, .addressRange)
    }
}
