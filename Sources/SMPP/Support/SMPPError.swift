/// An error from an SMPP client or server operation, with a stable code and a human message.
///
/// The code tells a caller what is safe: ``Code/notBound``, ``Code/invalidPDU``, ``Code/cancelled``
/// and ``Code/shutdown`` mean the request never left this process (safe to retry elsewhere);
/// ``Code/responseTimeout`` and ``Code/connectionLost`` mean it was sent but the outcome is unknown
/// (``outcomeUnknown``); ``Code/rejected`` carries the peer's non-zero `command_status`.
///
/// ```swift
/// do {
///     let response = try await client.submit(sm)
/// } catch let error as SMPPError where error.code == .rejected {
///     print(error.commandStatus!)  // e.g. ESME_RINVDSTADR
/// }
/// ```
public struct SMPPError: Error, Sendable, CustomStringConvertible {
    /// Stable machine-readable error kinds.
    public enum Code: String, Sendable, Hashable {
        /// No bound session (not yet bound, reconnecting, or closed before the request was written).
        case notBound = "not_bound"
        /// The request was sent but the connection closed before its response arrived.
        case connectionLost = "connection_lost"
        /// The request was sent but no response arrived within the response timeout.
        case responseTimeout = "response_timeout"
        /// The peer answered with a non-zero command_status (see ``SMPPError/commandStatus``).
        case rejected = "rejected"
        /// The PDU could not be encoded (field too long, ...); nothing was sent.
        case invalidPDU = "invalid_pdu"
        /// The bind was refused by the peer (see ``SMPPError/commandStatus``).
        case bindFailed = "bind_failed"
        /// The session is already bound (or binding).
        case alreadyBound = "already_bound"
        /// The operation is not allowed in the session's current state or for this bind type.
        case invalidState = "invalid_state"
        /// An unbind is already in progress.
        case unbinding = "unbinding"
        /// The connection is closed.
        case connectionClosed = "connection_closed"
        /// The calling task was cancelled before the request was sent.
        case cancelled = "cancelled"
        /// The client or server is shutting down; the request was not sent.
        case shutdown = "shutdown"
        /// TCP or TLS connection setup failed.
        case connectFailed = "connect_failed"
        /// The peer violated the protocol (undecodable framing); the connection was closed.
        case protocolError = "protocol_error"
        /// No session with that id or system_id is bound.
        case sessionNotFound = "session_not_found"
        /// The response had an unexpected type for the request.
        case unexpectedResponse = "unexpected_response"
    }

    public var code: Code
    /// The peer's command_status for ``Code/rejected`` and ``Code/bindFailed``.
    public var commandStatus: CommandStatus?
    public var message: String
    /// The lower-level error, if any (a socket error, an ``SMPPCodecError``, ...).
    public var underlying: (any Error)?

    public init(_ code: Code, commandStatus: CommandStatus? = nil, message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.commandStatus = commandStatus
        self.message = message
        self.underlying = underlying
    }

    /// Whether the request reached the peer but we do not know its outcome.
    public var outcomeUnknown: Bool { code == .responseTimeout || code == .connectionLost }

    /// Whether the request certainly did not reach the peer.
    public var wasNotSent: Bool {
        switch code {
        case .notBound, .invalidPDU, .cancelled, .shutdown, .invalidState, .alreadyBound, .unbinding, .connectionClosed,
             .connectFailed, .sessionNotFound:
            true
        default:
            false
        }
    }

    public var description: String {
        var text = "SMPPError[\(code.rawValue)] \(message)"
        if let commandStatus { text += " (\(commandStatus))" }
        if let underlying { text += " — \(underlying)" }
        return text
    }

    static func rejected(_ status: CommandStatus, _ what: CommandID) -> SMPPError {
        SMPPError(.rejected, commandStatus: status, message: "\(what) rejected by peer")
    }
}
