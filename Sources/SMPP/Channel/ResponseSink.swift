import NIOCore

/// Where the response to one outbound request goes.
enum ResponseSink: Sendable {
    case continuation(CheckedContinuation<PDU, any Error>)
    case promise(EventLoopPromise<PDU>)
    /// Nobody waits (enquire_link sent by the handler itself).
    case none

    func succeed(_ pdu: PDU) {
        switch self {
        case .continuation(let c): c.resume(returning: pdu)
        case .promise(let p): p.succeed(pdu)
        case .none: break
        }
    }

    func fail(_ error: SMPPError) {
        switch self {
        case .continuation(let c): c.resume(throwing: error)
        case .promise(let p): p.fail(error)
        case .none: break
        }
    }
}
