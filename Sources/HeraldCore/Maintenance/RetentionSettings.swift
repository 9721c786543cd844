/// How long message data is kept: the configuration file's `retention` section until operators approve a
/// change (two-person rule), then the approved values, which the housekeeping picks up on its next round.
public struct RetentionSettings: Sendable, Equatable, Codable {
    /// Days retained message bodies are kept before they are erased (1-3650).
    public var messageBodyDays: Int
    /// Seconds after validity to wait for a receipt before a submitted message is marked expired (0-604800).
    public var receiptGraceSeconds: Int

    enum CodingKeys: String, CodingKey {
        case messageBodyDays = "message_body_days"
        case receiptGraceSeconds = "receipt_grace_seconds"
    }

    public init(messageBodyDays: Int, receiptGraceSeconds: Int) {
        self.messageBodyDays = messageBodyDays
        self.receiptGraceSeconds = receiptGraceSeconds
    }

    /// - Throws: ``HeraldError`` `invalid_retention` naming the field.
    public func validate() throws {
        guard (1...3650).contains(messageBodyDays) else {
            throw HeraldError.invalid("invalid_retention", "'message_body_days' must be 1-3650", field: "message_body_days")
        }
        guard (0...604_800).contains(receiptGraceSeconds) else {
            throw HeraldError.invalid("invalid_retention", "'receipt_grace_seconds' must be 0-604800", field: "receipt_grace_seconds")
        }
    }

    /// The body retention as a duration.
    public var bodyRetention: Duration { .seconds(Int64(messageBodyDays) * 86_400) }
    public var receiptGrace: Duration { .seconds(Int64(receiptGraceSeconds)) }
}
