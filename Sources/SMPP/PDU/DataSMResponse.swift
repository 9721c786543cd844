/// `data_sm_resp`: the answer to a data_sm (message id plus optional delivery-failure TLVs).
public struct DataSMResponse: Hashable, Sendable {
    public var messageID: String
    /// `delivery_failure_reason`, `network_error_code`, `additional_status_info_text`, `dpf_result`.
    public var tlvs: TLVList

    public init(messageID: String = "", tlvs: TLVList = []) {
        self.messageID = messageID
        self.tlvs = tlvs
    }

    static func decode(_ reader: inout PDUBodyReader) throws(SMPPCodecError) -> DataSMResponse {
        if reader.isAtEnd { return DataSMResponse() }
        let id = try reader.readCString(.messageID, unterminatedAtEnd: true)
        let tlvs = try reader.readTLVs()
        return DataSMResponse(messageID: id, tlvs: tlvs)
    }

    func encode(into writer: inout PDUBodyWriter) throws(SMPPCodecError) {
        try writer.writeCString(messageID, .messageID)
        try writer.writeTLVs(tlvs)
    }
}
