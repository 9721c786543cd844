/// `outbind`: an SMSC asks an ESME (which listens) to bind back as a receiver. Has no response.
public struct Outbind: Hashable, Sendable {
    public var systemID: String
    public var password: String

    public init(systemID: String, password: String) {
        self.systemID = systemID
        self.password = password
    }

    static func decode(_ reader: inout PDUBodyReader) throws(SMPPCodecError) -> Outbind {
        let systemID = try reader.readCString(.systemID(reader.options))
        let password = try reader.readCString(.password(reader.options))
        try reader.expectEnd("outbind")
        return Outbind(systemID: systemID, password: password)
    }

    func encode(into writer: inout PDUBodyWriter) throws(SMPPCodecError) {
        try writer.writeCString(systemID, .systemID(writer.options))
        try writer.writeCString(password, .password(writer.options))
    }
}
