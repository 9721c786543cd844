import HeraldCore

/// The admin API's JSON shape of a customer account: status, limits, geo permissions and its API keys
/// (never their secrets, nor the webhook secret).
public struct AdminAccountResource: Sendable, Encodable {
    public var id: String
    public var object = "account"
    public var name: String
    public var status: Account.Status
    public var webhookURL: String?
    public var limits: AccountLimitsResource
    public var countryPermissions: CountryPermissionsResource
    public var createdAt: Timestamp
    public var apiKeys: [APIKeyResource]?

    enum CodingKeys: String, CodingKey {
        case id, object, name, status
        case webhookURL = "webhook_url"
        case limits
        case countryPermissions = "country_permissions"
        case createdAt = "created_at"
        case apiKeys = "api_keys"
    }

    public init(_ account: Account, keys: [APIKey]? = nil) {
        id = account.id.rawValue
        name = account.name
        status = account.status
        webhookURL = account.webhookURL
        limits = AccountLimitsResource(account.limits)
        countryPermissions = CountryPermissionsResource(account.countryPermissions)
        createdAt = account.createdAt
        apiKeys = keys.map { $0.map { APIKeyResource($0) } }
    }
}
