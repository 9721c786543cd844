/// The public JSON shape of a verification, shared by the HTTP API and the webhooks (snake_case keys).
///
/// It never carries the code or its hash.
public struct VerificationResource: Sendable, Equatable, Codable {
    public var id: String
    public var object: String = "verification"
    public var status: VerificationStatus
    public var to: String
    public var channel: VerificationChannel
    public var country: String
    public var locale: String
    public var template: String
    public var brand: String
    public var codeLength: Int
    public var lifetimeSeconds: Int
    public var expiresAt: Timestamp
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var approvedAt: Timestamp?
    public var checks: Int
    public var maximumChecks: Int
    public var sends: [VerificationSend]
    public var callbackURL: String?
    /// Only in answers to a check: whether the code checked was right.
    public var valid: Bool?

    enum CodingKeys: String, CodingKey {
        case id, object, status, to, channel, country, locale, template, brand
        case codeLength = "code_length"
        case lifetimeSeconds = "lifetime_seconds"
        case expiresAt = "expires_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case approvedAt = "approved_at"
        case checks
        case maximumChecks = "max_checks"
        case sends
        case callbackURL = "callback_url"
        case valid
    }

    public init(_ verification: Verification, valid: Bool? = nil) {
        id = verification.id.rawValue
        status = verification.status
        to = verification.to
        channel = verification.channel
        country = verification.destination.regionCode
        locale = verification.locale
        template = verification.template
        brand = verification.brand
        codeLength = verification.codeLength
        lifetimeSeconds = verification.lifetimeSeconds
        expiresAt = verification.expiresAt
        createdAt = verification.createdAt
        updatedAt = verification.updatedAt
        approvedAt = verification.approvedAt
        checks = verification.checks
        maximumChecks = verification.maximumChecks
        sends = verification.sends
        callbackURL = verification.callbackURL
        self.valid = valid
    }
}
