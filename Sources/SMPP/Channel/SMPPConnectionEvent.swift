/// What a connection reports to its owner (client or server session). Delivered on the
/// connection's event loop; the receiver must not block.
enum SMPPConnectionEvent: Sendable {
    /// SMSC: a bind arrived; decide with ``SMPPConnection/decideBind(sequenceNumber:response:limits:)``.
    case authenticate(BindRequest, sequenceNumber: UInt32)
    /// The session is bound.
    case bound(BindType)
    /// The peer sent a request the application must answer (through the request's responder).
    case request(SMPPInboundRequest)
    /// The connection closed; `error` is nil for an orderly unbind.
    case closed(SMPPError?)
}
