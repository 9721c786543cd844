/// Something a carrier link reports to the core.
public enum CarrierEvent: Sendable {
    case receipt(CarrierReceipt)
    case inbound(InboundCarrierMessage)
    case linkStateChanged(linkID: String, bindIndex: Int, isUp: Bool, detail: String)
}

/// A delivery receipt from a carrier, parsed by the adapter.
///
/// The core stores its effect durably, then calls ``acknowledge`` so the adapter answers the deliver_sm
/// (a receipt is never acknowledged before it is safe).
public struct CarrierReceipt: Sendable {
    public var linkID: String
    /// The id as the carrier wrote it, for logs.
    public var carrierMessageID: String
    /// Canonical candidates for the id (hex/decimal/leading-zero variants), to match ``MessagePart/lookupKey``.
    public var lookupKeys: [String]
    public var state: PartState
    public var errorCode: String?
    public var doneAt: Timestamp?
    public var acknowledge: @Sendable (_ stored: Bool) -> Void

    public init(
        linkID: String, carrierMessageID: String, lookupKeys: [String], state: PartState, errorCode: String?,
        doneAt: Timestamp?, acknowledge: @escaping @Sendable (_ stored: Bool) -> Void
    ) {
        self.linkID = linkID
        self.carrierMessageID = carrierMessageID
        self.lookupKeys = lookupKeys
        self.state = state
        self.errorCode = errorCode
        self.doneAt = doneAt
        self.acknowledge = acknowledge
    }
}

/// A mobile-originated message (reassembled by the adapter) received on a carrier link.
public struct InboundCarrierMessage: Sendable {
    public var linkID: String
    /// Sender number as received (normally international digits).
    public var from: String
    /// The number or short code it was sent to.
    public var to: String
    public var body: String
    public var receivedAt: Timestamp
    public var acknowledge: @Sendable (_ stored: Bool) -> Void

    public init(linkID: String, from: String, to: String, body: String, receivedAt: Timestamp, acknowledge: @escaping @Sendable (_ stored: Bool) -> Void) {
        self.linkID = linkID
        self.from = from
        self.to = to
        self.body = body
        self.receivedAt = receivedAt
        self.acknowledge = acknowledge
    }
}
