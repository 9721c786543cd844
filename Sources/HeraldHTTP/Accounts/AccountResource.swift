import HeraldCore

/// The public JSON shape of the caller's account.
struct AccountResource: Encodable, Sendable {
    var object = "account"
    var id: String
    var name: String
    var status: String
    var webhookURL: String?
    var webhookSecret: String
    var limits: Limits
    var createdAt: Timestamp

    struct Limits: Encodable, Sendable {
        var messagesPerSecond: Double
        var messageBurst: Int
        var messagesPerDay: Int
        var verificationsPerSecond: Double
        var verificationBurst: Int

        enum CodingKeys: String, CodingKey {
            case messagesPerSecond = "messages_per_second"
            case messageBurst = "message_burst"
            case messagesPerDay = "messages_per_day"
            case verificationsPerSecond = "verifications_per_second"
            case verificationBurst = "verification_burst"
        }
    }

    enum CodingKeys: String, CodingKey {
        case object, id, name, status
        case webhookURL = "webhook_url"
        case webhookSecret = "webhook_secret"
        case limits
        case createdAt = "created_at"
    }

    /// Written by hand so `webhook_url` is present (as `null`) when no URL is set, as the schema requires.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(object, forKey: .object)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(status, forKey: .status)
        if let webhookURL {
            try container.encode(webhookURL, forKey: .webhookURL)
        } else {
            try container.encodeNil(forKey: .webhookURL)
        }
        try container.encode(webhookSecret, forKey: .webhookSecret)
        try container.encode(limits, forKey: .limits)
        try container.encode(createdAt, forKey: .createdAt)
    }

    init(_ account: Account) {
        id = account.id.rawValue
        name = account.name
        status = account.status.rawValue
        webhookURL = account.webhookURL
        webhookSecret = account.webhookSecret
        limits = Limits(
            messagesPerSecond: account.limits.messagesPerSecond, messageBurst: account.limits.messageBurst, messagesPerDay: account.limits.messagesPerDay,
            verificationsPerSecond: account.limits.verificationsPerSecond, verificationBurst: account.limits.verificationBurst)
        createdAt = account.createdAt
    }
}
