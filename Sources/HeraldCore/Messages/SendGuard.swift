/// A check every outbound message passes before it is stored: rate limits, opt-outs, fraud guard.
///
/// Guards run in order; the first to throw a ``HeraldError`` refuses the message with that error.
public protocol SendGuard: Sendable {
    func check(_ context: SendContext) async throws
}

/// What a guard may look at.
public struct SendContext: Sendable {
    public var account: Account
    public var destination: ResolvedNumber
    public var sender: String
    public var channel: Message.Channel
    /// The caller's address (HTTP client IP or SMPP peer), when known.
    public var clientAddress: String?

    public init(account: Account, destination: ResolvedNumber, sender: String, channel: Message.Channel, clientAddress: String?) {
        self.account = account
        self.destination = destination
        self.sender = sender
        self.channel = channel
        self.clientAddress = clientAddress
    }
}
