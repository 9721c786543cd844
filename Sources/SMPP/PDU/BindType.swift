/// The three ways an ESME can bind: which direction(s) of traffic the session carries.
public enum BindType: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// ESME → SMSC traffic only (submit_sm, data_sm, query/cancel/replace).
    case transmitter
    /// SMSC → ESME traffic only (deliver_sm, data_sm, alert_notification).
    case receiver
    /// Both directions on one session.
    case transceiver

    /// The request command id for this bind type.
    public var commandID: CommandID {
        switch self {
        case .transmitter: .bindTransmitter
        case .receiver: .bindReceiver
        case .transceiver: .bindTransceiver
        }
    }

    /// The bind type for a bind request or response command id, if it is one.
    public init?(commandID: CommandID) {
        switch commandID {
        case .bindTransmitter, .bindTransmitterResponse: self = .transmitter
        case .bindReceiver, .bindReceiverResponse: self = .receiver
        case .bindTransceiver, .bindTransceiverResponse: self = .transceiver
        default: return nil
        }
    }

    /// Whether the ESME may send messages (submit_sm & co.) on this bind.
    public var canTransmit: Bool { self != .receiver }
    /// Whether the SMSC may deliver messages (deliver_sm & co.) on this bind.
    public var canReceive: Bool { self != .transmitter }

    public var description: String { rawValue }
}
