/// A message the SMSC sent to the client (deliver_sm, data_sm or alert_notification).
///
/// The SMSC waits for our response. Answer with ``respond(_:)`` once the message is safely
/// stored: the response is only written then. If nobody answers within
/// ``SMPPClient/Configuration/inboundResponseTimeout`` the client answers
/// ``SMPPClient/Configuration/inboundTimeoutStatus`` (ESME_RX_T_APPN by default, so the SMSC
/// redelivers later); an answer after that (or after the connection closed) returns false.
///
/// ```swift
/// for await message in client.inbound {
///     if case .deliverSM(let sm) = message.request, sm.esmClass.isDeliveryReceipt {
///         try await store.saveReceipt(sm)
///     }
///     message.respond(.ok)
/// }
/// ```
public struct SMPPInboundMessage: Sendable {
    /// The inbound request.
    public enum Request: Sendable, Hashable {
        case deliverSM(DeliverSM)
        case dataSM(DataSM)
        /// Has no response; ``SMPPInboundMessage/respond(_:)`` is a no-op returning false.
        case alertNotification(AlertNotification)
    }

    public let request: Request
    public let sequenceNumber: UInt32
    let responder: InboundResponder

    init?(_ inbound: SMPPInboundRequest) {
        switch inbound.pdu.body {
        case .deliverSM(let sm): request = .deliverSM(sm)
        case .dataSM(let sm): request = .dataSM(sm)
        case .alertNotification(let n): request = .alertNotification(n)
        default: return nil
        }
        sequenceNumber = inbound.pdu.sequenceNumber
        responder = inbound.responder
    }

    /// Whether a response is still outstanding (false after answering, timeout or close).
    public var awaitsResponse: Bool { !responder.isClaimed }

    /// Answers with `status` (ESME_ROK by default). Returns whether the response was queued for
    /// sending; false when already answered (e.g. by the timeout) or the connection is gone.
    @discardableResult
    public func respond(_ status: CommandStatus = .ok) -> Bool {
        responder.respond(status: status, body: nil)
    }

    /// Answers a data_sm with a full data_sm_resp (message id and TLVs).
    @discardableResult
    public func respond(_ response: DataSMResponse, status: CommandStatus = .ok) -> Bool {
        guard case .dataSM = request else { return respond(status) }
        return responder.respond(status: status, body: .dataSMResponse(response))
    }
}
