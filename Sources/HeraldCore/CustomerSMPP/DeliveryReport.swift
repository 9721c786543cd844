/// What a delivery receipt to an SMPP customer says about one message: everything the `deliver_sm` needs,
/// fixed when the final status is recorded (so the receipt does not depend on data erased later).
///
/// It carries no message text: the receipt's `text:` field stays empty (data minimisation).
public struct DeliveryReport: Sendable, Equatable, Codable {
    /// Herald's message id, as the customer got it in `submit_sm_resp`.
    public var messageID: MessageID
    /// The handset the message was sent to (E.164).
    public var to: String
    /// The sender id the customer submitted with (the receipt's destination address).
    public var from: String
    /// The final status.
    public var status: MessageStatus
    /// Herald's error code for a message that was not delivered (`carrier_undelivered_…`, `no_route`, …).
    public var errorCode: String?
    public var submittedAt: Timestamp
    public var doneAt: Timestamp
    /// SMS parts of the message (the receipt's `sub:`).
    public var parts: Int

    enum CodingKeys: String, CodingKey {
        case messageID = "message_id"
        case to, from, status
        case errorCode = "error_code"
        case submittedAt = "submitted_at"
        case doneAt = "done_at"
        case parts
    }

    public init(messageID: MessageID, to: String, from: String, status: MessageStatus, errorCode: String?, submittedAt: Timestamp, doneAt: Timestamp, parts: Int) {
        self.messageID = messageID
        self.to = to
        self.from = from
        self.status = status
        self.errorCode = errorCode
        self.submittedAt = submittedAt
        self.doneAt = doneAt
        self.parts = parts
    }

    /// The report of `message` in its current (final) status.
    public init(_ message: Message) {
        self.init(
            messageID: message.id, to: message.to, from: message.from, status: message.status,
            errorCode: message.status == .delivered ? nil : message.error?.code, submittedAt: message.createdAt, doneAt: message.updatedAt,
            parts: max(1, message.partCount))
    }
}
