/// One SMPP protocol data unit: header fields plus a typed body.
///
/// `command_length` and `command_id` are derived when encoding. PDUs without a body
/// (`unbind`, `unbind_resp`, `enquire_link`, `enquire_link_resp`, `generic_nack`,
/// `cancel_sm_resp`, `replace_sm_resp`) are plain cases of ``Body``.
///
/// ```swift
/// let pdu = PDU(sequenceNumber: 7, body: .enquireLink)
/// var buffer = ByteBuffer()
/// try PDUEncoder().encode(pdu, into: &buffer)
/// let decoded = try PDUDecoder().decode(frame: buffer)
/// ```
public struct PDU: Hashable, Sendable {
    public var commandStatus: CommandStatus
    public var sequenceNumber: UInt32
    public var body: Body

    public init(commandStatus: CommandStatus = .ok, sequenceNumber: UInt32, body: Body) {
        self.commandStatus = commandStatus
        self.sequenceNumber = sequenceNumber
        self.body = body
    }

    /// The command id implied by the body.
    public var commandID: CommandID { body.commandID }

    /// The body of a PDU, one case per SMPP 3.4 operation.
    public enum Body: Hashable, Sendable {
        case bind(BindRequest)
        case bindResponse(BindResponse)
        case outbind(Outbind)
        case unbind
        case unbindResponse
        case submitSM(SubmitSM)
        case submitSMResponse(SubmitSMResponse)
        case submitMulti(SubmitMulti)
        case submitMultiResponse(SubmitMultiResponse)
        case deliverSM(DeliverSM)
        case deliverSMResponse(DeliverSMResponse)
        case dataSM(DataSM)
        case dataSMResponse(DataSMResponse)
        case querySM(QuerySM)
        case querySMResponse(QuerySMResponse)
        case cancelSM(CancelSM)
        case cancelSMResponse
        case replaceSM(ReplaceSM)
        case replaceSMResponse
        case enquireLink
        case enquireLinkResponse
        case alertNotification(AlertNotification)
        case genericNack

        public var commandID: CommandID {
            switch self {
            case .bind(let b): b.bindType.commandID
            case .bindResponse(let b): b.bindType.commandID.responseID
            case .outbind: .outbind
            case .unbind: .unbind
            case .unbindResponse: .unbindResponse
            case .submitSM: .submitSM
            case .submitSMResponse: .submitSMResponse
            case .submitMulti: .submitMulti
            case .submitMultiResponse: .submitMultiResponse
            case .deliverSM: .deliverSM
            case .deliverSMResponse: .deliverSMResponse
            case .dataSM: .dataSM
            case .dataSMResponse: .dataSMResponse
            case .querySM: .querySM
            case .querySMResponse: .querySMResponse
            case .cancelSM: .cancelSM
            case .cancelSMResponse: .cancelSMResponse
            case .replaceSM: .replaceSM
            case .replaceSMResponse: .replaceSMResponse
            case .enquireLink: .enquireLink
            case .enquireLinkResponse: .enquireLinkResponse
            case .alertNotification: .alertNotification
            case .genericNack: .genericNack
            }
        }

        /// An empty response body for a request command id (what error responses carry), or nil
        /// for ids without a response (outbind, alert_notification) and unknown ids.
        public static func emptyResponse(to request: CommandID) -> Body? {
            switch request {
            case .bindTransmitter: .bindResponse(BindResponse(bindType: .transmitter))
            case .bindReceiver: .bindResponse(BindResponse(bindType: .receiver))
            case .bindTransceiver: .bindResponse(BindResponse(bindType: .transceiver))
            case .unbind: .unbindResponse
            case .submitSM: .submitSMResponse(SubmitSMResponse())
            case .submitMulti: .submitMultiResponse(SubmitMultiResponse())
            case .deliverSM: .deliverSMResponse(DeliverSMResponse())
            case .dataSM: .dataSMResponse(DataSMResponse())
            case .querySM: .querySMResponse(QuerySMResponse())
            case .cancelSM: .cancelSMResponse
            case .replaceSM: .replaceSMResponse
            case .enquireLink: .enquireLinkResponse
            default: nil
            }
        }
    }

    /// The PDU that answers `request` with `status` and no body: the request's response type, or
    /// generic_nack for command ids without one.
    public static func errorResponse(to header: PDUHeader, status: CommandStatus) -> PDU {
        let body = Body.emptyResponse(to: header.commandID) ?? .genericNack
        return PDU(commandStatus: status, sequenceNumber: header.sequenceNumber, body: body)
    }
}
