import NIOCore

/// Settings of one SMPP connection, shared by the client and server sides (internal; the public
/// client and server configurations map onto it).
struct SMPPConnectionConfiguration: Sendable {
    var role: SessionStateMachine.Role
    var codec: SMPPCodecOptions = .default
    /// Maximum outstanding outbound requests.
    var windowSize: Int = 10
    var responseTimeout: TimeAmount = .seconds(30)
    var throttle: ThrottlePolicy = ThrottlePolicy()
    /// Outbound requests per second (nil: unlimited).
    var maxTPS: Double? = nil
    /// Send enquire_link after this long without reading anything (nil: never).
    var enquireLinkInterval: TimeAmount? = .seconds(30)
    /// Maximum unanswered inbound requests; more are answered ESME_RTHROTTLED.
    var inboundWindow: Int = 1_000
    /// Inbound requests per second (nil: unlimited); excess is answered ESME_RTHROTTLED.
    var inboundMaxTPS: Double? = nil
    /// Answer an inbound request ourselves if the application has not within this time.
    var inboundResponseTimeout: TimeAmount? = .seconds(30)
    /// The status used for that automatic answer.
    var inboundTimeoutStatus: CommandStatus = .receiverTemporaryAppError
    /// Answer inbound requests with ESME_ROK as soon as they are read.
    var inboundAutoRespond: Bool = false
    /// Client: bind_resp timeout. Server: the session must be bound this long after connecting.
    var bindTimeout: TimeAmount = .seconds(30)
    var unbindTimeout: TimeAmount = .seconds(5)

    /// Timer resolution for timeouts and idle checks.
    var tickInterval: TimeAmount {
        var shortest = responseTimeout
        if let interval = enquireLinkInterval { shortest = min(shortest, interval) }
        if let inbound = inboundResponseTimeout { shortest = min(shortest, inbound) }
        shortest = min(shortest, bindTimeout, unbindTimeout)
        return min(max(shortest / 10, .milliseconds(10)), .seconds(1))
    }
}

private extension TimeAmount {
    static func / (lhs: TimeAmount, rhs: Int64) -> TimeAmount { .nanoseconds(lhs.nanoseconds / rhs) }
}
