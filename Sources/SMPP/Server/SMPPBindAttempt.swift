import NIOCore

/// What an ESME presented when binding, for the server's authentication hook.
public struct SMPPBindAttempt: Sendable {
    public let sessionID: SMPPSessionID
    public let bindType: BindType
    public let systemID: String
    public let password: String
    public let systemType: String
    public let interfaceVersion: UInt8
    public let addressRange: SMPPAddress
    /// The peer's address (IP and port).
    public let remoteAddress: SocketAddress?
}
