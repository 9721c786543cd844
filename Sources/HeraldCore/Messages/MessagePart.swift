/// One SMS segment of a message as submitted to a carrier, and what its receipt said.
public struct MessagePart: Sendable, Equatable, Codable {
    public var messageID: MessageID
    /// 1-based position in the message.
    public var sequence: Int
    public var linkID: String
    /// The id from submit_sm_resp, as the carrier wrote it.
    public var carrierMessageID: String
    /// Canonical form of `carrierMessageID` used to match receipts (see the carrier link adapter).
    public var lookupKey: String
    public var state: PartState
    public var submittedAt: Timestamp
    public var finalAt: Timestamp?
    /// Carrier or network error code from the receipt (`err:` field or network_error_code).
    public var errorCode: String?

    public init(
        messageID: MessageID, sequence: Int, linkID: String, carrierMessageID: String, lookupKey: String,
        state: PartState = .submitted, submittedAt: Timestamp, finalAt: Timestamp? = nil, errorCode: String? = nil
    ) {
        self.messageID = messageID
        self.sequence = sequence
        self.linkID = linkID
        self.carrierMessageID = carrierMessageID
        self.lookupKey = lookupKey
        self.state = state
        self.submittedAt = submittedAt
        self.finalAt = finalAt
        self.errorCode = errorCode
    }
}

/// A part's delivery state as reported by receipts.
public enum PartState: String, Sendable, Codable, Equatable {
    case submitted
    case enroute
    case accepted
    case delivered
    case undelivered
    case expired
    case rejected
    case deleted
    case unknown

    public var isFinal: Bool {
        switch self {
        case .submitted, .enroute, .accepted: return false
        case .delivered, .undelivered, .expired, .rejected, .deleted, .unknown: return true
        }
    }
}
