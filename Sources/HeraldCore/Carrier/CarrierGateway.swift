/// Port: the carrier side of Herald — submits messages over carrier links and reports what carriers send back.
///
/// Implemented by the SMPP carrier-link adapter (one or more binds per link) and by in-memory fakes in tests.
/// The adapter encodes and segments the body for the link's peer profile and submits the parts in order on
/// one bind, so the core deals in whole messages.
public protocol CarrierGateway: Sendable {
    /// Submits every part of `message` over `linkID` and reports the outcome. Never throws: failures are
    /// classified in ``SubmitResult`` so the dispatcher can decide between fail-over, retry and final failure.
    func submit(_ message: OutboundMessage, via linkID: String) async -> SubmitResult

    /// Current health of every configured link, for routing.
    func linkStatuses() -> [String: LinkStatus]

    /// Receipts, inbound messages and link state changes, in arrival order. One consumer.
    func events() -> AsyncStream<CarrierEvent>
}

/// A message ready for a carrier.
public struct OutboundMessage: Sendable, Equatable {
    public var messageID: MessageID
    public var to: String
    public var from: String
    public var body: String
    public var validUntil: Timestamp
    /// Reused on every attempt so a handset can reassemble parts submitted across retries.
    public var concatenationReference: Int
    public var requestReceipt: Bool

    public init(messageID: MessageID, to: String, from: String, body: String, validUntil: Timestamp, concatenationReference: Int, requestReceipt: Bool = true) {
        self.messageID = messageID
        self.to = to
        self.from = from
        self.body = body
        self.validUntil = validUntil
        self.concatenationReference = concatenationReference
        self.requestReceipt = requestReceipt
    }
}

/// The carrier's answer to a whole-message submission.
public enum SubmitResult: Sendable, Equatable {
    /// Every part got a submit_sm_resp with status 0.
    case accepted([SubmittedPart])
    case failed(SubmitFailure)
}

/// A part the carrier accepted.
public struct SubmittedPart: Sendable, Equatable {
    public var sequence: Int
    public var carrierMessageID: String
    public var lookupKey: String

    public init(sequence: Int, carrierMessageID: String, lookupKey: String) {
        self.sequence = sequence
        self.carrierMessageID = carrierMessageID
        self.lookupKey = lookupKey
    }
}

/// Why a submission did not complete, and what the dispatcher should do about it.
public struct SubmitFailure: Sendable, Equatable, Error {
    public enum Disposition: String, Sendable, Equatable {
        /// The message itself is refused (bad destination, bad sender, …): final, no other link will do better.
        case permanent
        /// This link cannot take it now (down, bind failure, system error): try the next link.
        case tryOtherLink
        /// Throttled or queue full: retry the same route after a delay.
        case retryLater
    }

    public var disposition: Disposition
    /// Stable code such as `carrier_rejected`, `link_down`, `throttled`, `response_timeout`, or `smpp_0x0000000b`.
    public var code: String
    public var detail: String
    /// Parts accepted before the failure (a multipart message may fail half-way).
    public var acceptedParts: [SubmittedPart]
    /// True when the carrier may have accepted the message although no response was seen (timeout,
    /// connection lost after write): a retry may duplicate it — the documented at-least-once window.
    public var ambiguous: Bool

    public init(disposition: Disposition, code: String, detail: String, acceptedParts: [SubmittedPart] = [], ambiguous: Bool = false) {
        self.disposition = disposition
        self.code = code
        self.detail = detail
        self.acceptedParts = acceptedParts
        self.ambiguous = ambiguous
    }
}

/// Health of one carrier link as the routing engine sees it.
public struct LinkStatus: Sendable, Equatable, Codable {
    /// At least one bind is up.
    public var isUp: Bool
    /// Binds currently bound / configured.
    public var bindsUp: Int
    public var bindsConfigured: Int
    /// The link is backing off after ESME_RTHROTTLED / ESME_RMSGQFUL.
    public var isThrottled: Bool
    /// Recent share of submissions that failed (0…1, exponentially weighted).
    public var errorRate: Double
    /// Recent submit_sm → submit_sm_resp latency in milliseconds (exponentially weighted).
    public var latencyMilliseconds: Double

    public init(isUp: Bool, bindsUp: Int, bindsConfigured: Int, isThrottled: Bool = false, errorRate: Double = 0, latencyMilliseconds: Double = 0) {
        self.isUp = isUp
        self.bindsUp = bindsUp
        self.bindsConfigured = bindsConfigured
        self.isThrottled = isThrottled
        self.errorRate = errorRate
        self.latencyMilliseconds = latencyMilliseconds
    }
}
