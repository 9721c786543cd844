/// A request read from the peer, with the means to answer it (internal transport type).
struct SMPPInboundRequest: Sendable {
    let pdu: PDU
    let responder: InboundResponder
}
