/// The kind tag for account identifiers (`acc_…`).
public enum AccountKind: IdentifierKind { public static let prefix = "acc" }
public typealias AccountID = Identifier<AccountKind>

/// A customer of the gateway: owns API keys, messages, verifications and webhook settings.
public struct Account: Sendable, Equatable, Codable {
    public var id: AccountID
    public var name: String
    public var status: Status
    /// Secret used to sign this account's webhooks (`whsec_…`); shown to the account owner.
    public var webhookSecret: String
    /// Default URL for status callbacks when a message carries none.
    public var webhookURL: String?
    public var limits: AccountLimits
    public var countryPermissions: CountryPermissions
    public var createdAt: Timestamp

    public enum Status: String, Sendable, Codable, Equatable {
        case active
        case suspended
    }

    public init(
        id: AccountID, name: String, status: Status = .active, webhookSecret: String, webhookURL: String? = nil,
        limits: AccountLimits = AccountLimits(), countryPermissions: CountryPermissions = .allowAll, createdAt: Timestamp
    ) {
        self.id = id
        self.name = name
        self.status = status
        self.webhookSecret = webhookSecret
        self.webhookURL = webhookURL
        self.limits = limits
        self.countryPermissions = countryPermissions
        self.createdAt = createdAt
    }
}
