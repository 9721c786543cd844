/// The `command_id` of an SMPP PDU: which operation the PDU carries.
///
/// A struct rather than an enum so that unknown identifiers read from the wire can still be
/// represented (and answered with `generic_nack`).
///
/// ```swift
/// let id = CommandID.submitSM
/// id.responseID == .submitSMResponse  // true
/// ```
public struct CommandID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32

    @inlinable
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let genericNack = CommandID(rawValue: 0x8000_0000)
    public static let bindReceiver = CommandID(rawValue: 0x0000_0001)
    public static let bindReceiverResponse = CommandID(rawValue: 0x8000_0001)
    public static let bindTransmitter = CommandID(rawValue: 0x0000_0002)
    public static let bindTransmitterResponse = CommandID(rawValue: 0x8000_0002)
    public static let querySM = CommandID(rawValue: 0x0000_0003)
    public static let querySMResponse = CommandID(rawValue: 0x8000_0003)
    public static let submitSM = CommandID(rawValue: 0x0000_0004)
    public static let submitSMResponse = CommandID(rawValue: 0x8000_0004)
    public static let deliverSM = CommandID(rawValue: 0x0000_0005)
    public static let deliverSMResponse = CommandID(rawValue: 0x8000_0005)
    public static let unbind = CommandID(rawValue: 0x0000_0006)
    public static let unbindResponse = CommandID(rawValue: 0x8000_0006)
    public static let replaceSM = CommandID(rawValue: 0x0000_0007)
    public static let replaceSMResponse = CommandID(rawValue: 0x8000_0007)
    public static let cancelSM = CommandID(rawValue: 0x0000_0008)
    public static let cancelSMResponse = CommandID(rawValue: 0x8000_0008)
    public static let bindTransceiver = CommandID(rawValue: 0x0000_0009)
    public static let bindTransceiverResponse = CommandID(rawValue: 0x8000_0009)
    public static let outbind = CommandID(rawValue: 0x0000_000B)
    public static let enquireLink = CommandID(rawValue: 0x0000_0015)
    public static let enquireLinkResponse = CommandID(rawValue: 0x8000_0015)
    public static let submitMulti = CommandID(rawValue: 0x0000_0021)
    public static let submitMultiResponse = CommandID(rawValue: 0x8000_0021)
    public static let alertNotification = CommandID(rawValue: 0x0000_0102)
    public static let dataSM = CommandID(rawValue: 0x0000_0103)
    public static let dataSMResponse = CommandID(rawValue: 0x8000_0103)

    /// Every command identifier defined by SMPP 3.4.
    public static let allKnown: [CommandID] = [
        .genericNack, .bindReceiver, .bindReceiverResponse, .bindTransmitter, .bindTransmitterResponse,
        .querySM, .querySMResponse, .submitSM, .submitSMResponse, .deliverSM, .deliverSMResponse,
        .unbind, .unbindResponse, .replaceSM, .replaceSMResponse, .cancelSM, .cancelSMResponse,
        .bindTransceiver, .bindTransceiverResponse, .outbind, .enquireLink, .enquireLinkResponse,
        .submitMulti, .submitMultiResponse, .alertNotification, .dataSM, .dataSMResponse,
    ]

    /// Whether this identifier has the response bit (0x80000000) set.
    @inlinable
    public var isResponse: Bool { rawValue & 0x8000_0000 != 0 }

    /// The identifier of the response to this request (the request id with the response bit set).
    @inlinable
    public var responseID: CommandID { CommandID(rawValue: rawValue | 0x8000_0000) }

    /// Whether SMPP 3.4 defines this identifier.
    public var isKnown: Bool { Self.names[self] != nil }

    /// Whether this request is answered by a response PDU (`outbind` and `alert_notification` are not).
    public var expectsResponse: Bool {
        !isResponse && self != .outbind && self != .alertNotification
    }

    /// The spec name, e.g. `submit_sm`, or the hex value for unknown identifiers.
    public var description: String {
        Self.names[self] ?? "command_id(0x\(String(rawValue, radix: 16)))"
    }

    private static let names: [CommandID: String] = [
        .genericNack: "generic_nack", .bindReceiver: "bind_receiver", .bindReceiverResponse: "bind_receiver_resp",
        .bindTransmitter: "bind_transmitter", .bindTransmitterResponse: "bind_transmitter_resp",
        .querySM: "query_sm", .querySMResponse: "query_sm_resp", .submitSM: "submit_sm",
        .submitSMResponse: "submit_sm_resp", .deliverSM: "deliver_sm", .deliverSMResponse: "deliver_sm_resp",
        .unbind: "unbind", .unbindResponse: "unbind_resp", .replaceSM: "replace_sm",
        .replaceSMResponse: "replace_sm_resp", .cancelSM: "cancel_sm", .cancelSMResponse: "cancel_sm_resp",
        .bindTransceiver: "bind_transceiver", .bindTransceiverResponse: "bind_transceiver_resp",
        .outbind: "outbind", .enquireLink: "enquire_link", .enquireLinkResponse: "enquire_link_resp",
        .submitMulti: "submit_multi", .submitMultiResponse: "submit_multi_resp",
        .alertNotification: "alert_notification", .dataSM: "data_sm", .dataSMResponse: "data_sm_resp",
    ]
}
