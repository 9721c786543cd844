/// A customer's request to start (or resend) a verification, as received (before validation).
///
/// ```json
/// {"to": "+4915123456789", "channel": "sms", "locale": "de", "code_length": 6, "brand": "Acme",
///  "app_hash": "FA+9qCX9VSu", "domain": "acme.example", "callback_url": "https://acme.example/hooks"}
/// ```
public struct VerificationRequest: Sendable, Equatable, Codable {
    public var to: String
    /// `sms` (the default).
    public var channel: String?
    /// BCP 47 tag such as `pt-BR`; matched to the catalog by language when the region is not known.
    public var locale: String?
    /// Name of a catalog template (default `default`).
    public var template: String?
    /// Digits in the code, 4 to 10 (default 6).
    public var codeLength: Int?
    /// App or brand name shown in the message (default: the account name).
    public var brand: String?
    /// Android SMS Retriever hash of the app (11 characters): adds the `<#>` prefix and the hash line.
    public var appHash: String?
    /// Web origin host for WebOTP: adds the `@domain #code` line.
    public var domain: String?
    public var callbackURL: String?
    /// Lifetime of the code, within the policy's bounds (default 600).
    public var lifetimeSeconds: Int?
    /// The IP address of your end user, for per-user throttling.
    public var endUserIP: String?

    enum CodingKeys: String, CodingKey {
        case to, channel, locale, template
        case codeLength = "code_length"
        case brand
        case appHash = "app_hash"
        case domain
        case callbackURL = "callback_url"
        case lifetimeSeconds = "lifetime_seconds"
        case endUserIP = "end_user_ip"
    }

    public init(
        to: String, channel: String? = nil, locale: String? = nil, template: String? = nil, codeLength: Int? = nil, brand: String? = nil,
        appHash: String? = nil, domain: String? = nil, callbackURL: String? = nil, lifetimeSeconds: Int? = nil, endUserIP: String? = nil
    ) {
        self.to = to
        self.channel = channel
        self.locale = locale
        self.template = template
        self.codeLength = codeLength
        self.brand = brand
        self.appHash = appHash
        self.domain = domain
        self.callbackURL = callbackURL
        self.lifetimeSeconds = lifetimeSeconds
        self.endUserIP = endUserIP
    }
}
