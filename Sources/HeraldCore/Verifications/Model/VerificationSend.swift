/// One SMS that carried a code of a verification.
public struct VerificationSend: Sendable, Equatable, Codable {
    public var messageID: MessageID
    public var at: Timestamp

    public init(messageID: MessageID, at: Timestamp) {
        self.messageID = messageID
        self.at = at
    }

    enum CodingKeys: String, CodingKey {
        case messageID = "message_id"
        case at
    }
}
