/// `submit_multi_resp`: the message id plus the destinations that were not accepted.
public struct SubmitMultiResponse: Hashable, Sendable {
    public var messageID: String
    public var unsuccessful: [UnsuccessfulDelivery]

    public init(messageID: String = "", unsuccessful: [UnsuccessfulDelivery] = []) {
        self.messageID = messageID
        self.unsuccessful = unsuccessful
    }

    static func decode(_ reader: inout PDUBodyReader) throws(SMPPCodecError) -> SubmitMultiResponse {
        if reader.isAtEnd { return SubmitMultiResponse() }
        let id = try reader.readCString(.messageID)
        let count = Int(try reader.readUInt8("no_unsuccess"))
        var entries: [UnsuccessfulDelivery] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let ton = try reader.readUInt8("dest_addr_ton")
            let npi = try reader.readUInt8("dest_addr_npi")
            let address = try reader.readCString(.destinationAddr)
            let status = try reader.readUInt32("error_status_code")
            entries.append(UnsuccessfulDelivery(
                destination: SMPPAddress(ton: TypeOfNumber(rawValue: ton), npi: NumberingPlanIndicator(rawValue: npi), address: address),
                errorStatus: CommandStatus(rawValue: status)))
        }
        _ = try? reader.readTLVs()
        return SubmitMultiResponse(messageID: id, unsuccessful: entries)
    }

    func encode(into writer: inout PDUBodyWriter) throws(SMPPCodecError) {
        guard unsuccessful.count <= 254 else {
            throw SMPPCodecError(code: .invalidFieldValue, status: .invalidNumberOfDestinations, field: "no_unsuccess",
                                 message: "\(unsuccessful.count) unsuccessful entries; at most 254 allowed")
        }
        try writer.writeCString(messageID, .messageID)
        writer.writeUInt8(UInt8(unsuccessful.count))
        for entry in unsuccessful {
            writer.writeUInt8(entry.destination.ton.rawValue)
            writer.writeUInt8(entry.destination.npi.rawValue)
            try writer.writeCString(entry.destination.address, .destinationAddr)
            writer.writeUInt32(entry.errorStatus.rawValue)
        }
    }
}
