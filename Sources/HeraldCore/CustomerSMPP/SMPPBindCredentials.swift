/// What an SMPP client presented when binding to the customer listener, as the core sees it.
public struct SMPPBindCredentials: Sendable, Equatable {
    public var systemID: String
    public var password: String
    /// `transmitter`, `receiver` or `transceiver`.
    public var bindType: String
    /// The client's IP address, when known.
    public var remoteAddress: String?
    /// The listener's name for the session (for the audit log).
    public var session: String

    public init(systemID: String, password: String, bindType: String, remoteAddress: String?, session: String) {
        self.systemID = systemID
        self.password = password
        self.bindType = bindType
        self.remoteAddress = remoteAddress
        self.session = session
    }
}
