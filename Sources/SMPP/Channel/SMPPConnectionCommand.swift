import NIOCore

/// Work handed from any thread to a connection's event loop.
enum SMPPConnectionCommand: Sendable {
    /// Queue an outbound request (subject to window, TPS and throttling).
    case request(id: UInt64, body: PDU.Body, sink: ResponseSink)
    /// Drop a queued request that has not been sent.
    case cancel(id: UInt64)
    /// Send the response to an inbound request.
    case respond(PDU)
    /// ESME: send a bind.
    case bind(BindRequest, sink: ResponseSink)
    /// SMSC: the authentication decision for a pending bind.
    case bindDecision(sequenceNumber: UInt32, response: PDU, limits: SMPPSessionLimits?)
    /// Stop accepting requests, let outstanding ones finish (up to the drain timeout), unbind, close.
    case unbind(drainTimeout: TimeAmount)
    /// Close now.
    case close
}
