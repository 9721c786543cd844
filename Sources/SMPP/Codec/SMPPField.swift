/// Spec limits (octets including NUL) and answer statuses for the C-octet string fields.
///
/// Internal: used by each PDU's decode/encode to enforce the SMPP 3.4 maxima.
struct SMPPField: Sendable {
    let name: String
    let maxLength: Int
    let status: CommandStatus

    static let serviceType = SMPPField(name: "service_type", maxLength: 6, status: .invalidServiceType)
    static let sourceAddr = SMPPField(name: "source_addr", maxLength: 21, status: .invalidSourceAddress)
    static let destinationAddr = SMPPField(name: "destination_addr", maxLength: 21, status: .invalidDestinationAddress)
    static let dataSourceAddr = SMPPField(name: "source_addr", maxLength: 65, status: .invalidSourceAddress)
    static let dataDestinationAddr = SMPPField(name: "destination_addr", maxLength: 65, status: .invalidDestinationAddress)
    static let esmeAddr = SMPPField(name: "esme_addr", maxLength: 65, status: .invalidDestinationAddress)
    static let messageID = SMPPField(name: "message_id", maxLength: 65, status: .invalidMessageID)
    static let deliverMessageID = SMPPField(name: "message_id", maxLength: 65, status: .invalidMessageID)
    static let addressRange = SMPPField(name: "address_range", maxLength: 41, status: .invalidParameterLength)
    static let distributionListName = SMPPField(name: "dl_name", maxLength: 21, status: .invalidDistributionListName)
    static let scheduleDeliveryTime = SMPPField(name: "schedule_delivery_time", maxLength: 17, status: .invalidScheduledDeliveryTime)
    static let validityPeriod = SMPPField(name: "validity_period", maxLength: 17, status: .invalidExpiry)
    static let finalDate = SMPPField(name: "final_date", maxLength: 17, status: .invalidParameterLength)

    static func systemID(_ options: SMPPCodecOptions) -> SMPPField {
        SMPPField(name: "system_id", maxLength: options.maxSystemIDLength, status: .invalidSystemID)
    }
    static func password(_ options: SMPPCodecOptions) -> SMPPField {
        SMPPField(name: "password", maxLength: options.maxPasswordLength, status: .invalidPassword)
    }
    static func systemType(_ options: SMPPCodecOptions) -> SMPPField {
        SMPPField(name: "system_type", maxLength: options.maxSystemTypeLength, status: .invalidSystemType)
    }
}
