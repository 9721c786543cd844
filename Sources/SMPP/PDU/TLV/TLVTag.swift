/// The 16-bit tag of an SMPP optional parameter (TLV).
///
/// All SMPP 3.4 standard tags are provided as constants; other values (vendor-specific
/// 0x1400–0x3FFF, or later SMPP versions) are kept and passed through as raw octets.
public struct TLVTag: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt16
    @inlinable
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let destAddrSubunit = TLVTag(rawValue: 0x0005)
    public static let destNetworkType = TLVTag(rawValue: 0x0006)
    public static let destBearerType = TLVTag(rawValue: 0x0007)
    public static let destTelematicsID = TLVTag(rawValue: 0x0008)
    public static let sourceAddrSubunit = TLVTag(rawValue: 0x000D)
    public static let sourceNetworkType = TLVTag(rawValue: 0x000E)
    public static let sourceBearerType = TLVTag(rawValue: 0x000F)
    public static let sourceTelematicsID = TLVTag(rawValue: 0x0010)
    public static let qosTimeToLive = TLVTag(rawValue: 0x0017)
    public static let payloadType = TLVTag(rawValue: 0x0019)
    public static let additionalStatusInfoText = TLVTag(rawValue: 0x001D)
    public static let receiptedMessageID = TLVTag(rawValue: 0x001E)
    public static let msMsgWaitFacilities = TLVTag(rawValue: 0x0030)
    public static let privacyIndicator = TLVTag(rawValue: 0x0201)
    public static let sourceSubaddress = TLVTag(rawValue: 0x0202)
    public static let destSubaddress = TLVTag(rawValue: 0x0203)
    public static let userMessageReference = TLVTag(rawValue: 0x0204)
    public static let userResponseCode = TLVTag(rawValue: 0x0205)
    public static let sourcePort = TLVTag(rawValue: 0x020A)
    public static let destinationPort = TLVTag(rawValue: 0x020B)
    public static let sarMsgRefNum = TLVTag(rawValue: 0x020C)
    public static let languageIndicator = TLVTag(rawValue: 0x020D)
    public static let sarTotalSegments = TLVTag(rawValue: 0x020E)
    public static let sarSegmentSeqnum = TLVTag(rawValue: 0x020F)
    public static let scInterfaceVersion = TLVTag(rawValue: 0x0210)
    public static let callbackNumPresInd = TLVTag(rawValue: 0x0302)
    public static let callbackNumAtag = TLVTag(rawValue: 0x0303)
    public static let numberOfMessages = TLVTag(rawValue: 0x0304)
    public static let callbackNum = TLVTag(rawValue: 0x0381)
    public static let dpfResult = TLVTag(rawValue: 0x0420)
    public static let setDPF = TLVTag(rawValue: 0x0421)
    public static let msAvailabilityStatus = TLVTag(rawValue: 0x0422)
    public static let networkErrorCode = TLVTag(rawValue: 0x0423)
    public static let messagePayload = TLVTag(rawValue: 0x0424)
    public static let deliveryFailureReason = TLVTag(rawValue: 0x0425)
    public static let moreMessagesToSend = TLVTag(rawValue: 0x0426)
    public static let messageState = TLVTag(rawValue: 0x0427)
    public static let ussdServiceOp = TLVTag(rawValue: 0x0501)
    public static let displayTime = TLVTag(rawValue: 0x1201)
    public static let smsSignal = TLVTag(rawValue: 0x1203)
    public static let msValidity = TLVTag(rawValue: 0x1204)
    public static let alertOnMessageDelivery = TLVTag(rawValue: 0x130C)
    public static let itsReplyType = TLVTag(rawValue: 0x1380)
    public static let itsSessionInfo = TLVTag(rawValue: 0x1383)

    /// The value format SMPP 3.4 defines for this tag, or nil for a non-standard tag.
    public var format: TLVFormat? { Self.definitions[rawValue]?.format }

    /// Whether SMPP 3.4 defines this tag.
    public var isStandard: Bool { Self.definitions[rawValue] != nil }

    /// The spec name (e.g. `message_payload`) or the hex tag.
    public var description: String {
        Self.definitions[rawValue]?.name ?? "tlv(0x" + String(rawValue, radix: 16) + ")"
    }

    /// Every tag defined by SMPP 3.4.
    public static var allStandard: [TLVTag] { definitions.keys.sorted().map(TLVTag.init(rawValue:)) }

    private static let definitions: [UInt16: (name: String, format: TLVFormat)] = [
        0x0005: ("dest_addr_subunit", .uint8),
        0x0006: ("dest_network_type", .uint8),
        0x0007: ("dest_bearer_type", .uint8),
        0x0008: ("dest_telematics_id", .uint16),
        0x000D: ("source_addr_subunit", .uint8),
        0x000E: ("source_network_type", .uint8),
        0x000F: ("source_bearer_type", .uint8),
        // Implementations disagree on 1 or 2 octets; both are accepted.
        0x0010: ("source_telematics_id", .uint8OrUInt16),
        0x0017: ("qos_time_to_live", .uint32),
        0x0019: ("payload_type", .uint8),
        0x001D: ("additional_status_info_text", .cString(maxLength: 256)),
        0x001E: ("receipted_message_id", .cString(maxLength: 65)),
        0x0030: ("ms_msg_wait_facilities", .uint8),
        0x0201: ("privacy_indicator", .uint8),
        0x0202: ("source_subaddress", .octets(minLength: 2, maxLength: 23)),
        0x0203: ("dest_subaddress", .octets(minLength: 2, maxLength: 23)),
        0x0204: ("user_message_reference", .uint16),
        0x0205: ("user_response_code", .uint8),
        0x020A: ("source_port", .uint16),
        0x020B: ("destination_port", .uint16),
        0x020C: ("sar_msg_ref_num", .uint16),
        0x020D: ("language_indicator", .uint8),
        0x020E: ("sar_total_segments", .uint8),
        0x020F: ("sar_segment_seqnum", .uint8),
        0x0210: ("sc_interface_version", .uint8),
        0x0302: ("callback_num_pres_ind", .uint8),
        0x0303: ("callback_num_atag", .octets(minLength: 0, maxLength: 65)),
        0x0304: ("number_of_messages", .uint8),
        0x0381: ("callback_num", .octets(minLength: 4, maxLength: 19)),
        0x0420: ("dpf_result", .uint8),
        0x0421: ("set_dpf", .uint8),
        0x0422: ("ms_availability_status", .uint8),
        0x0423: ("network_error_code", .networkErrorCode),
        0x0424: ("message_payload", .octets(minLength: 0, maxLength: 65_535)),
        0x0425: ("delivery_failure_reason", .uint8),
        0x0426: ("more_messages_to_send", .uint8),
        0x0427: ("message_state", .uint8),
        0x0501: ("ussd_service_op", .uint8),
        0x1201: ("display_time", .uint8),
        0x1203: ("sms_signal", .uint16),
        0x1204: ("ms_validity", .uint8),
        0x130C: ("alert_on_message_delivery", .empty),
        0x1380: ("its_reply_type", .uint8),
        0x1383: ("its_session_info", .octets(minLength: 2, maxLength: 2)),
    ]
}
