// Typed accessors for every SMPP 3.4 standard TLV (see TLVTag for tags and formats).
// Generated once from the tag table; edit by hand.

extension TLVList {
    /// The `destAddrSubunit` TLV, or nil when absent.
    public var destAddrSubunit: UInt8? {
        get { uint8(.destAddrSubunit) }
        set { setValue(.destAddrSubunit, newValue.map { .uint8($0) }) }
    }

    /// The `destNetworkType` TLV, or nil when absent.
    public var destNetworkType: UInt8? {
        get { uint8(.destNetworkType) }
        set { setValue(.destNetworkType, newValue.map { .uint8($0) }) }
    }

    /// The `destBearerType` TLV, or nil when absent.
    public var destBearerType: UInt8? {
        get { uint8(.destBearerType) }
        set { setValue(.destBearerType, newValue.map { .uint8($0) }) }
    }

    /// The `destTelematicsID` TLV, or nil when absent.
    public var destTelematicsID: UInt16? {
        get { uint16(.destTelematicsID) }
        set { setValue(.destTelematicsID, newValue.map { .uint16($0) }) }
    }

    /// The `sourceAddrSubunit` TLV, or nil when absent.
    public var sourceAddrSubunit: UInt8? {
        get { uint8(.sourceAddrSubunit) }
        set { setValue(.sourceAddrSubunit, newValue.map { .uint8($0) }) }
    }

    /// The `sourceNetworkType` TLV, or nil when absent.
    public var sourceNetworkType: UInt8? {
        get { uint8(.sourceNetworkType) }
        set { setValue(.sourceNetworkType, newValue.map { .uint8($0) }) }
    }

    /// The `sourceBearerType` TLV, or nil when absent.
    public var sourceBearerType: UInt8? {
        get { uint8(.sourceBearerType) }
        set { setValue(.sourceBearerType, newValue.map { .uint8($0) }) }
    }

    /// The `sourceTelematicsID` TLV, or nil when absent.
    public var sourceTelematicsID: UInt16? {
        get { uint16(.sourceTelematicsID) }
        set { setValue(.sourceTelematicsID, newValue.map { .uint16($0) }) }
    }

    /// The `qosTimeToLive` TLV, or nil when absent.
    public var qosTimeToLive: UInt32? {
        get { uint32(.qosTimeToLive) }
        set { setValue(.qosTimeToLive, newValue.map { .uint32($0) }) }
    }

    /// The `payloadType` TLV, or nil when absent.
    public var payloadType: UInt8? {
        get { uint8(.payloadType) }
        set { setValue(.payloadType, newValue.map { .uint8($0) }) }
    }

    /// The `additionalStatusInfoText` TLV, or nil when absent.
    public var additionalStatusInfoText: String? {
        get { string(.additionalStatusInfoText) }
        set { setValue(.additionalStatusInfoText, newValue.map { .cString($0) }) }
    }

    /// The `receiptedMessageID` TLV, or nil when absent.
    public var receiptedMessageID: String? {
        get { string(.receiptedMessageID) }
        set { setValue(.receiptedMessageID, newValue.map { .cString($0) }) }
    }

    /// The `msMsgWaitFacilities` TLV, or nil when absent.
    public var msMsgWaitFacilities: UInt8? {
        get { uint8(.msMsgWaitFacilities) }
        set { setValue(.msMsgWaitFacilities, newValue.map { .uint8($0) }) }
    }

    /// The `privacyIndicator` TLV, or nil when absent.
    public var privacyIndicator: UInt8? {
        get { uint8(.privacyIndicator) }
        set { setValue(.privacyIndicator, newValue.map { .uint8($0) }) }
    }

    /// The `sourceSubaddress` TLV, or nil when absent.
    public var sourceSubaddress: [UInt8]? {
        get { octets(.sourceSubaddress) }
        set { setValue(.sourceSubaddress, newValue.map { .octets($0) }) }
    }

    /// The `destSubaddress` TLV, or nil when absent.
    public var destSubaddress: [UInt8]? {
        get { octets(.destSubaddress) }
        set { setValue(.destSubaddress, newValue.map { .octets($0) }) }
    }

    /// The `userMessageReference` TLV, or nil when absent.
    public var userMessageReference: UInt16? {
        get { uint16(.userMessageReference) }
        set { setValue(.userMessageReference, newValue.map { .uint16($0) }) }
    }

    /// The `userResponseCode` TLV, or nil when absent.
    public var userResponseCode: UInt8? {
        get { uint8(.userResponseCode) }
        set { setValue(.userResponseCode, newValue.map { .uint8($0) }) }
    }

    /// The `sourcePort` TLV, or nil when absent.
    public var sourcePort: UInt16? {
        get { uint16(.sourcePort) }
        set { setValue(.sourcePort, newValue.map { .uint16($0) }) }
    }

    /// The `destinationPort` TLV, or nil when absent.
    public var destinationPort: UInt16? {
        get { uint16(.destinationPort) }
        set { setValue(.destinationPort, newValue.map { .uint16($0) }) }
    }

    /// The `sarMsgRefNum` TLV, or nil when absent.
    public var sarMsgRefNum: UInt16? {
        get { uint16(.sarMsgRefNum) }
        set { setValue(.sarMsgRefNum, newValue.map { .uint16($0) }) }
    }

    /// The `languageIndicator` TLV, or nil when absent.
    public var languageIndicator: UInt8? {
        get { uint8(.languageIndicator) }
        set { setValue(.languageIndicator, newValue.map { .uint8($0) }) }
    }

    /// The `sarTotalSegments` TLV, or nil when absent.
    public var sarTotalSegments: UInt8? {
        get { uint8(.sarTotalSegments) }
        set { setValue(.sarTotalSegments, newValue.map { .uint8($0) }) }
    }

    /// The `sarSegmentSeqnum` TLV, or nil when absent.
    public var sarSegmentSeqnum: UInt8? {
        get { uint8(.sarSegmentSeqnum) }
        set { setValue(.sarSegmentSeqnum, newValue.map { .uint8($0) }) }
    }

    /// The `scInterfaceVersion` TLV, or nil when absent.
    public var scInterfaceVersion: UInt8? {
        get { uint8(.scInterfaceVersion) }
        set { setValue(.scInterfaceVersion, newValue.map { .uint8($0) }) }
    }

    /// The `callbackNumPresInd` TLV, or nil when absent.
    public var callbackNumPresInd: UInt8? {
        get { uint8(.callbackNumPresInd) }
        set { setValue(.callbackNumPresInd, newValue.map { .uint8($0) }) }
    }

    /// The `callbackNumAtag` TLV, or nil when absent.
    public var callbackNumAtag: [UInt8]? {
        get { octets(.callbackNumAtag) }
        set { setValue(.callbackNumAtag, newValue.map { .octets($0) }) }
    }

    /// The `numberOfMessages` TLV, or nil when absent.
    public var numberOfMessages: UInt8? {
        get { uint8(.numberOfMessages) }
        set { setValue(.numberOfMessages, newValue.map { .uint8($0) }) }
    }

    /// The `callbackNum` TLV, or nil when absent.
    public var callbackNum: [UInt8]? {
        get { octets(.callbackNum) }
        set { setValue(.callbackNum, newValue.map { .octets($0) }) }
    }

    /// The `dpfResult` TLV, or nil when absent.
    public var dpfResult: UInt8? {
        get { uint8(.dpfResult) }
        set { setValue(.dpfResult, newValue.map { .uint8($0) }) }
    }

    /// The `setDPF` TLV, or nil when absent.
    public var setDPF: UInt8? {
        get { uint8(.setDPF) }
        set { setValue(.setDPF, newValue.map { .uint8($0) }) }
    }

    /// The `msAvailabilityStatus` TLV, or nil when absent.
    public var msAvailabilityStatus: UInt8? {
        get { uint8(.msAvailabilityStatus) }
        set { setValue(.msAvailabilityStatus, newValue.map { .uint8($0) }) }
    }

    /// The `networkErrorCode` TLV, or nil when absent.
    public var networkErrorCode: NetworkErrorCode? {
        get { { if case .networkErrorCode(let v) = self[.networkErrorCode]?.value { return v }; return nil }() }
        set { setValue(.networkErrorCode, newValue.map { .networkErrorCode($0) }) }
    }

    /// The `messagePayload` TLV, or nil when absent.
    public var messagePayload: [UInt8]? {
        get { octets(.messagePayload) }
        set { setValue(.messagePayload, newValue.map { .octets($0) }) }
    }

    /// The `deliveryFailureReason` TLV, or nil when absent.
    public var deliveryFailureReason: UInt8? {
        get { uint8(.deliveryFailureReason) }
        set { setValue(.deliveryFailureReason, newValue.map { .uint8($0) }) }
    }

    /// The `moreMessagesToSend` TLV, or nil when absent.
    public var moreMessagesToSend: UInt8? {
        get { uint8(.moreMessagesToSend) }
        set { setValue(.moreMessagesToSend, newValue.map { .uint8($0) }) }
    }

    /// The `messageState` TLV, or nil when absent.
    public var messageState: MessageState? {
        get { uint8(.messageState).map(MessageState.init(rawValue:)) }
        set { setValue(.messageState, newValue.map { .uint8($0.rawValue) }) }
    }

    /// The `ussdServiceOp` TLV, or nil when absent.
    public var ussdServiceOp: UInt8? {
        get { uint8(.ussdServiceOp) }
        set { setValue(.ussdServiceOp, newValue.map { .uint8($0) }) }
    }

    /// The `displayTime` TLV, or nil when absent.
    public var displayTime: UInt8? {
        get { uint8(.displayTime) }
        set { setValue(.displayTime, newValue.map { .uint8($0) }) }
    }

    /// The `smsSignal` TLV, or nil when absent.
    public var smsSignal: UInt16? {
        get { uint16(.smsSignal) }
        set { setValue(.smsSignal, newValue.map { .uint16($0) }) }
    }

    /// The `msValidity` TLV, or nil when absent.
    public var msValidity: UInt8? {
        get { uint8(.msValidity) }
        set { setValue(.msValidity, newValue.map { .uint8($0) }) }
    }

    /// `alertOnMessageDelivery`: present (true) or absent (false); the TLV has no value.
    public var alertOnMessageDelivery: Bool {
        get { contains(.alertOnMessageDelivery) }
        set { setValue(.alertOnMessageDelivery, newValue ? .empty : nil) }
    }

    /// The `itsReplyType` TLV, or nil when absent.
    public var itsReplyType: UInt8? {
        get { uint8(.itsReplyType) }
        set { setValue(.itsReplyType, newValue.map { .uint8($0) }) }
    }

    /// The `itsSessionInfo` TLV, or nil when absent.
    public var itsSessionInfo: [UInt8]? {
        get { octets(.itsSessionInfo) }
        set { setValue(.itsSessionInfo, newValue.map { .octets($0) }) }
    }
}
