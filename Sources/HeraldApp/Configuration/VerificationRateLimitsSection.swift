import HeraldCore

/// `verification.rate_limits:` — the token buckets verification starts pass, narrowest first.
///
/// ```yaml
/// rate_limits:
///   end_user_ip: { burst: 10, count: 30, interval_seconds: 3600 }
///   client_ip:   { burst: 2000, count: 1000, interval_seconds: 1 }
///   number:      { burst: 5, count: 5, interval_seconds: 600 }
///   prefix:      { burst: 60, count: 600, interval_seconds: 3600 }
///   account:     { burst: 100, count: 50, interval_seconds: 1 }
/// ```
public struct VerificationRateLimitsSection: Codable, Sendable, Equatable {
    /// Per end-user IP (`end_user_ip` of the request), per account.
    public var endUserIP: RateLimitSection
    /// Per calling IP address, across accounts.
    public var clientIP: RateLimitSection
    /// Per destination number, across accounts.
    public var number: RateLimitSection
    /// Per destination range (the number without its last `fraud_guard.suffix_digits` digits), across accounts.
    public var prefix: RateLimitSection
    /// The verification limits given to accounts this node creates (each account's own stored limits then
    /// apply; operators change them per account).
    public var account: RateLimitSection

    enum CodingKeys: String, CodingKey, CaseIterable {
        case endUserIP = "end_user_ip"
        case clientIP = "client_ip"
        case number, prefix, account
    }

    public init() {
        let limits = VerificationRateLimits()
        let account = AccountLimits()
        endUserIP = RateLimitSection(limits.perEndUserAddress, intervalSeconds: 3600)
        clientIP = RateLimitSection(limits.perClientAddress, intervalSeconds: 1)
        number = RateLimitSection(limits.perNumber, intervalSeconds: 600)
        prefix = RateLimitSection(limits.perPrefix, intervalSeconds: 3600)
        self.account = RateLimitSection(
            RateLimit(capacity: account.verificationBurst, refillPerSecond: account.verificationsPerSecond), intervalSeconds: 1)
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = VerificationRateLimitsSection()
        self = d
        endUserIP = try c.decode(.endUserIP, default: d.endUserIP)
        clientIP = try c.decode(.clientIP, default: d.clientIP)
        number = try c.decode(.number, default: d.number)
        prefix = try c.decode(.prefix, default: d.prefix)
        account = try c.decode(.account, default: d.account)
    }

    public var rateLimits: VerificationRateLimits {
        VerificationRateLimits(perEndUserAddress: endUserIP.rateLimit, perClientAddress: clientIP.rateLimit, perNumber: number.rateLimit, perPrefix: prefix.rateLimit)
    }

    func validate() throws {
        try endUserIP.validate("verification.rate_limits.end_user_ip")
        try clientIP.validate("verification.rate_limits.client_ip")
        try number.validate("verification.rate_limits.number")
        try prefix.validate("verification.rate_limits.prefix")
        try account.validate("verification.rate_limits.account")
    }
}
