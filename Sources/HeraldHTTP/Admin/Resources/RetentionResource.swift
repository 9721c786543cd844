import HeraldCore

/// The retention in force: `source` is `configuration` until a change is approved, then `approved`.
public struct RetentionResource: Sendable, Encodable {
    public var object = "retention"
    public var messageBodyDays: Int
    public var receiptGraceSeconds: Int
    public var source: String
    public var revision: Int64
    public var updatedAt: Timestamp?

    enum CodingKeys: String, CodingKey {
        case object
        case messageBodyDays = "message_body_days"
        case receiptGraceSeconds = "receipt_grace_seconds"
        case source, revision
        case updatedAt = "updated_at"
    }

    public init(record: RetentionRecord?, configured: RetentionSettings) {
        let settings = record?.settings ?? configured
        messageBodyDays = settings.messageBodyDays
        receiptGraceSeconds = settings.receiptGraceSeconds
        source = record == nil ? "configuration" : "approved"
        revision = record?.revision ?? 0
        updatedAt = record?.updatedAt
    }
}
